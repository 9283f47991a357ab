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

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.sondera.harness.policy.PolicyDescriptor;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.policy.PolicySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A policy is checked once per kind of checkpoint it can tell apart, yet every tool gets
 * the result (and the message) it would get checked on its own.
 */
class GroupedAnalysisTests {

	private static List<String> appliesTo(String cedar) {
		CedarPolicyHarness harness = Harnesses.of("@id(\"allow-all\") permit(principal, action, resource);\n" + cedar,
				TestAgents.MY_AGENT);
		return harness.policies(TestAgents.MY_AGENT)
			.stream()
			.filter((policy) -> !policy.id().equals("allow-all"))
			.map(PolicyDescriptor::appliesTo)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void toolsWithTheSameTypesShareAResultAndOthersGetTheirOwn() {
		assertThat(appliesTo("""
				@id("big") forbid(principal, action, resource) when { context.parameters.amount > 10 };
				""")).containsExactly("Transfer@PRE_TOOL");
		assertThat(appliesTo("""
				@id("json") forbid(principal, action, resource)
				when { context has parameters_json && context.parameters_json like "*x*" };
				""")).hasSize(10).allMatch((label) -> label.endsWith("@PRE_TOOL"));
	}

	@Test
	void policiesThatNameActionsAreCheckedPerAction() {
		assertThat(appliesTo("""
				@id("bash-only") forbid(principal, action, resource)
				when { action == MyAgent::Action::"Bash" && context has parameters_json };
				""")).containsExactly("Bash@PRE_TOOL");
	}

	@Test
	void messagesNameEveryActionAsIfCheckedOnItsOwn() {
		PolicyLoadException ex = catchThrowableOfType(PolicyLoadException.class, () -> Harnesses.of(List.of(PolicySource
			.of("typo.cedar", "@id(\"typo\") forbid(principal, action, resource) when { context.parameters.amont > 1 };")),
				TestAgents.MY_AGENT));
		// Read and DeleteFiles have the same argument types: one check, two names
		for (String tool : List.of("Transfer", "Pay", "Bash", "Search", "Read", "DeleteFiles")) {
			assertThat(ex).hasMessageContaining("MyAgent::Action::\"" + tool + "\"");
		}
	}

}
