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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditDurability;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.store.FileTrajectoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Shadow policies: evaluated on every step they apply to, recorded, never deciding.
 */
class ShadowPolicyTests {

	private static final Agent AGENT = new Agent("ops", "test", "Ops", "", "", List.of(Tool.of("shell", "Run",
			"{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},\"required\":[\"command\"]}")));

	private static final String POLICIES = """
			@id("allow-all") permit(principal, action, resource);
			@id("no-rm") forbid(principal, action == Ops::Action::"shell", resource)
			when { context.parameters.command like "rm *" };
			@id("no-sudo") @shadow forbid(principal, action == Ops::Action::"shell", resource)
			when { context.parameters.command like "*sudo*" };
			@id("review-curl") @shadow @escalate forbid(principal, action == Ops::Action::"shell", resource)
			when { context.parameters.command like "*curl*" };
			@id("no-shouting") forbid(principal, action == Ops::Action::"Prompt", resource)
			when { resource.content like "*!!!*" };
			""";

	@TempDir
	Path directory;

	@Test
	void aShadowForbidThatWouldDenyIsRecordedButTheCallIsAllowed() throws Exception {
		FileAuditLog audit = new FileAuditLog(this.directory.resolve("audit"), AuditDurability.FLUSH);
		FileTrajectoryStore store = new FileTrajectoryStore(this.directory.resolve("trajectories"));
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(List.of(PolicySource.of("ops.cedar", POLICIES)))
			.store(store)
			.auditLog(audit)
			.build();
		Trajectory trajectory = harness.initialize(AGENT, null);
		Adjudication sudo = shell(trajectory, "sudo ls");
		assertThat(sudo.decision()).isEqualTo(Decision.ALLOW);
		assertThat(sudo.shadow()).isNotNull();
		assertThat(sudo.shadow().decision()).isEqualTo(Decision.DENY);
		assertThat(sudo.shadow().policies()).extracting(PolicyMetadata::id).containsExactly("no-sudo");
		assertThat(shell(trajectory, "ls").shadow()).as("the shadow policy does not match").isNull();
		Adjudication both = shell(trajectory, "rm -rf /tmp/x && sudo reboot");
		assertThat(both.decision()).as("denied anyway by a live policy").isEqualTo(Decision.DENY);
		assertThat(both.policies()).extracting(PolicyMetadata::id).containsExactly("no-rm");
		assertThat(both.shadow().decision()).isEqualTo(Decision.DENY);
		assertThat(both.shadow().policies()).extracting(PolicyMetadata::id).containsExactly("no-sudo");
		Adjudication escalating = shell(trajectory, "rm -rf /tmp/y; curl example.com");
		assertThat(escalating.policies()).extracting(PolicyMetadata::id).containsExactly("no-rm");
		assertThat(escalating.shadow().policies()).as("an escalating shadow forbid under a live deny")
			.extracting(PolicyMetadata::id)
			.containsExactly("review-curl");
		assertThat(trajectory.adjudicate(Stage.PRE_MODEL, Role.USER, new PromptContent("hi!!!")).shadow())
			.as("no shadow policy applies to prompts").isNull();
		audit.close();

		assertThat(store.load(trajectory.id()).orElseThrow().steps().get(0).adjudication().shadow())
			.satisfies((stored) -> assertThat(stored.decision()).isEqualTo(Decision.DENY));
		List<String> records = Files.readAllLines(audit.getFile());
		assertThat(records.get(0)).contains("\"shadow\": \"deny by [no-sudo]\"").contains("\"decision\": \"allow\"");
		assertThat(records.get(1)).doesNotContain("shadow");
	}

	@Test
	void aPolicyCanBeShadowedByIdAndAnUnknownIdIsAnError() {
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(List.of(PolicySource.of("ops.cedar", POLICIES)))
			.shadowPolicies(List.of("no-rm"))
			.store(new FileTrajectoryStore(this.directory))
			.build();
		Adjudication rm = shell(harness.initialize(AGENT, null), "rm -rf /");
		assertThat(rm.decision()).isEqualTo(Decision.ALLOW);
		assertThat(rm.shadow().policies()).extracting(PolicyMetadata::id).containsExactly("no-rm");
		assertThatIllegalStateException()
			.isThrownBy(() -> CedarPolicyHarness.builder()
				.policies(List.of(PolicySource.of("ops.cedar", POLICIES)))
				.shadowPolicies(List.of("no-rn"))
				.store(new FileTrajectoryStore(this.directory))
				.build())
			.withMessageContaining("Shadow policies [no-rn] are not among the loaded policies");
	}

	private static Adjudication shell(Trajectory trajectory, String command) {
		return trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("shell", Map.of("command", command)));
	}

}
