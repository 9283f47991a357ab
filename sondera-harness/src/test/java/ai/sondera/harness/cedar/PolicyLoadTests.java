/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package ai.sondera.harness.cedar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ai.sondera.harness.policy.PolicyDescriptor;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.policy.PolicySource;

/**
 * Policies that must stop the harness from being built, with the policy id, file and
 * line in the message.
 */
class PolicyLoadTests {

	private static PolicyLoadException loadFailure(String origin, String cedar) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(PolicyLoadException.class,
				() -> Harnesses.of(List.of(PolicySource.of(origin, cedar)), TestAgents.MY_AGENT));
	}

	@Test
	void escalateOnPermitIsALoadError() {
		PolicyLoadException ex = loadFailure("policies/finance.cedar", """
				@id("allow-all") permit(principal, action, resource);

				@id("bad-escalate")
				@escalate("finance-team")
				permit(principal, action == MyAgent::Action::"Transfer", resource);
				""");
		assertThat(ex).hasMessageContaining("policy 'bad-escalate' at policies/finance.cedar:3")
			.hasMessageContaining("@escalate is only valid on forbid policies");
		assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
			assertThat(problem.policyId()).isEqualTo("bad-escalate");
			assertThat(problem.line()).isEqualTo(3);
		});
	}

	@Test
	void missingIdIsALoadError() {
		PolicyLoadException ex = loadFailure("rules.cedar", """
				// header comment

				permit(principal, action, resource);
				""");
		assertThat(ex).hasMessageContaining("policy at rules.cedar:3").hasMessageContaining("missing required @id");
	}

	@Test
	void duplicateIdIsALoadErrorNamingBothPlaces() {
		PolicyLoadException ex = loadFailure("dup.cedar", """
				@id("same") permit(principal, action, resource);
				@id("same")
				forbid(principal, action == MyAgent::Action::"Bash", resource);
				""");
		assertThat(ex).hasMessageContaining("policy 'same' at dup.cedar:2")
			.hasMessageContaining("already used by the policy at dup.cedar:1");
	}

	@Test
	void syntaxErrorNamesFileAndLine() {
		PolicyLoadException ex = loadFailure("broken.cedar", """
				@id("ok") permit(principal, action, resource);
				@id("broken")
				forbid(principal, action, resource) when { context.x > };
				""");
		assertThat(ex).hasMessageContaining("broken.cedar:2").hasMessageContaining("Cedar syntax error");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		PolicyLoadException ex = loadFailure("many.cedar", """
				permit(principal, action, resource);
				@id("x") @escalate permit(principal, action, resource);
				""");
		assertThat(ex.getProblems()).hasSize(2);
		assertThat(ex).hasMessageStartingWith("Invalid Cedar policies (2 problems)");
	}

	@Test
	void templatesAreRefused() {
		PolicyLoadException ex = loadFailure("t.cedar", "@id(\"t\") permit(?principal, action, resource);");
		assertThat(ex).hasMessageContaining("templates");
	}

	@Test
	void unknownActionIsALoadErrorListingKnownActions() {
		PolicyLoadException ex = loadFailure("typo.cedar", """
				@id("allow-all") permit(principal, action, resource);
				@id("block-bash") forbid(principal, action == MyAgent::Action::"Bsah", resource);
				""");
		assertThat(ex).hasMessageContaining("policy 'block-bash' at typo.cedar:2")
			.hasMessageContaining("MyAgent::Action::\"Bsah\"")
			.hasMessageContaining("Known actions: [Bash, Transfer, Pay")
			.hasMessageContaining("Prompt");
	}

	@Test
	void actionOfAnotherNamespaceIsALoadError() {
		PolicyLoadException ex = loadFailure("ns.cedar", """
				@id("other") forbid(principal, action == OtherAgent::Action::"Bash", resource);
				""");
		assertThat(ex).hasMessageContaining("OtherAgent::Action::\"Bash\"").hasMessageContaining("namespace MyAgent");
	}

	@Test
	void misspelledAttributeBehindHasIsALoadError() {
		PolicyLoadException ex = loadFailure("impossible.cedar", """
				@id("no-secrets")
				forbid(principal, action, resource)
				when { context has respnose_json && context.respnose_json like "*secret*" };
				""");
		assertThat(ex).hasMessageContaining("policy 'no-secrets' at impossible.cedar:1")
			.hasMessageContaining("can never match")
			.hasMessageContaining("always false")
			.hasMessageContaining("context has no attribute 'respnose_json' at POST_TOOL")
			.hasMessageContaining("context has no attribute 'respnose_json' at PRE_TOOL")
			.hasMessageContaining("(it has response, response_json, caller)");
	}

	@Test
	void misspelledParameterBehindHasNamesAttributeAndTool() {
		PolicyLoadException ex = loadFailure("impossible.cedar", """
				@id("big-transfers")
				forbid(principal, action == MyAgent::Action::"Transfer", resource)
				when { context has parameters && context.parameters has amonut && context.parameters.amonut > 10 };
				""");
		assertThat(ex).hasMessageContaining("'context.parameters has amonut' is always false")
			.hasMessageContaining("context.parameters has no attribute 'amonut' at PRE_TOOL of Transfer (it has amount, to)");
	}

	@Test
	void misspelledEntityAttributeBehindHasIsNamed() {
		PolicyLoadException ex = loadFailure("impossible.cedar", """
				@id("shell")
				forbid(principal, action == MyAgent::Action::"Bash", resource)
				when { MyAgent::Tool::"Bash" has descripton };
				""");
		assertThat(ex).hasMessageContaining("MyAgent::Tool::\"Bash\" has no attribute 'descripton'")
			.hasMessageContaining("(it has name, description)");
	}

	@Test
	void unknownAttributeIsALoadError() {
		PolicyLoadException ex = loadFailure("attr.cedar", """
				@id("bad-attr")
				forbid(principal, action == MyAgent::Action::"Bash", resource)
				when { context.parameters.cmd == "ls" };
				""");
		assertThat(ex).hasMessageContaining("can never match").hasMessageContaining("parameters.cmd");
	}

	@Test
	void comparingANumberWithLongSuggestsDecimal() {
		PolicyLoadException ex = loadFailure("pay.cedar", """
				@id("pay-limit")
				forbid(principal, action == MyAgent::Action::"Pay", resource)
				when { context.parameters.amount > 10000 };
				""");
		assertThat(ex).hasMessageContaining("greaterThan(decimal(");
	}

	@Test
	void policiesLoadFromFilesAndDirectories(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("one.cedar");
		Files.writeString(file, "@id(\"from-file\") permit(principal, action, resource);");
		assertThat(PolicySource.fromPath(file)).singleElement()
			.satisfies((source) -> assertThat(source.origin()).endsWith("one.cedar"));
		List<PolicySource> directory = PolicySource.fromPath(Path.of("src/test/resources/policies"));
		assertThat(directory).extracting(PolicySource::origin)
			.containsExactly(Path.of("src/test/resources/policies/base.cedar").toString(),
					Path.of("src/test/resources/policies/nested/bash.cedar").toString());
		assertThat(directory).allSatisfy((source) -> assertThat(Path.of(source.location())).isAbsolute());
		CedarPolicyHarness harness = Harnesses.of(directory, TestAgents.MY_AGENT);
		assertThat(harness.policies(TestAgents.MY_AGENT)).extracting(PolicyDescriptor::id)
			.containsExactly("allow-all", "no-rm-rf");
	}

	@Test
	void missingLocationIsAClearError() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PolicySource.fromPath(Path.of("does-not-exist")))
			.withMessageContaining("does-not-exist");
	}

	@Test
	void descriptorsListWhereEachPolicyApplies() {
		CedarPolicyHarness harness = Harnesses.of("""
				@id("allow-all") permit(principal, action, resource);
				@id("limit") forbid(principal, action, resource) when { resource.step_count > 50 };
				@id("no-secrets") forbid(principal, action, resource) when { context.response_json like "*secret*" };
				@id("bash") forbid(principal, action == MyAgent::Action::"Bash", resource)
				when { context.parameters_json like "*rm*" };
				""", TestAgents.MY_AGENT);
		List<PolicyDescriptor> policies = harness.policies(TestAgents.MY_AGENT);
		assertThat(policies.get(0).appliesTo()).contains("Prompt@PRE_MODEL", "Prompt@POST_MODEL", "Bash@PRE_TOOL",
				"Bash@POST_TOOL");
		assertThat(policies.get(1).appliesTo()).contains("Bash@PRE_TOOL", "Bash@POST_TOOL")
			.doesNotContain("Prompt@PRE_MODEL");
		assertThat(policies.get(2).appliesTo()).contains("Bash@POST_TOOL", "Fetch@POST_TOOL")
			.noneMatch((label) -> label.endsWith("PRE_TOOL") || label.startsWith("Prompt"));
		assertThat(policies.get(3).appliesTo()).containsExactly("Bash@PRE_TOOL");
		assertThat(policies.get(3).effect()).isEqualTo("forbid");
		assertThat(policies.get(3).line()).isEqualTo(4);
	}

}
