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

package ai.sondera.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.replay.Replay;
import ai.sondera.harness.replay.ReplayReport;
import ai.sondera.harness.store.FileTrajectoryStore;

import static ai.sondera.test.PolicyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recorded traffic (a real file store) replayed against changed policies.
 */
class ReplayTests {

	private static final String OLD = """
			@id("allow-all") permit(principal, action, resource);
			@id("no-big-transfers") forbid(principal, action == Bank::Action::"transfer", resource)
			when { context.parameters.amount > 1000 };
			""";

	private static final String NEW = """
			@id("allow-all") permit(principal, action, resource);
			@id("no-big-transfers") forbid(principal, action == Bank::Action::"transfer", resource)
			when { context.parameters.amount > 5000 };
			@id("no-eve") forbid(principal, action == Bank::Action::"transfer", resource)
			when { context.parameters.to == "eve" };
			@id("review-medium") @escalate("finance") forbid(principal, action == Bank::Action::"transfer", resource)
			when { context.parameters.amount > 500 && context.parameters.amount <= 5000 };
			""";

	@TempDir
	Path recorded;

	@Test
	void everyChangedDecisionIsFoundAndGroupedByPolicy() {
		record();
		ReplayReport same = Replay.of(this.recorded).against(List.of(PolicySource.of("old.cedar", OLD)));
		assertThat(same).hasNoChanges();
		assertThat(same.steps()).isEqualTo(8);
		ReplayReport report = Replay.of(this.recorded).against(List.of(PolicySource.of("new.cedar", NEW)));
		assertThat(report.changes()).extracting(ReplayReport.Change::kind)
			.containsExactlyInAnyOrder("ALLOW -> DENY", "DENY -> ESCALATE", "ALLOW -> DENY", "ALLOW -> ESCALATE");
		assertThat(report.byPolicy()).containsOnlyKeys("no-eve", "review-medium");
		assertThat(report.byPolicy().get("no-eve")).hasSize(2);
		assertThat(report.format()).startsWith("Replayed 8 steps of 2 trajectories in ")
			.contains("4 decisions change")
			.contains("no-eve (2)")
			.contains("ALLOW -> DENY  traj-");
		assertThatThrownBy(() -> assertThat(report).hasNoChanges()).hasMessageContaining("Expected no decision to change")
			.hasMessageContaining("review-medium (2)");
	}

	private void record() {
		Agent agent = new Agent("bank", "test", "Bank", "", "", List.of(Tool.of("transfer", "Send money",
				"{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"},\"amount\":{\"type\":\"integer\"}},"
						+ "\"required\":[\"to\",\"amount\"]}")));
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(List.of(PolicySource.of("old.cedar", OLD)))
			.store(new FileTrajectoryStore(this.recorded))
			.auditLog(AuditLog.NONE)
			.build();
		Trajectory first = harness.initialize(agent, "conv-1");
		first.adjudicate(Stage.PRE_MODEL, Role.USER, new PromptContent("pay eve"));
		assertThat(transfer(first, "eve", 10)).isEqualTo(Decision.ALLOW);
		assertThat(transfer(first, "bob", 2000)).isEqualTo(Decision.DENY);
		assertThat(transfer(first, "bob", 20)).isEqualTo(Decision.ALLOW);
		Trajectory second = harness.initialize(agent, "conv-2");
		second.adjudicate(Stage.PRE_MODEL, Role.USER, new PromptContent("pay"));
		assertThat(transfer(second, "eve", 20)).isEqualTo(Decision.ALLOW);
		assertThat(transfer(second, "bob", 800)).isEqualTo(Decision.ALLOW);
		second.adjudicate(Stage.POST_MODEL, Role.MODEL, new PromptContent("done"));
	}

	private static Decision transfer(Trajectory trajectory, String to, int amount) {
		return trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL,
				new ToolRequestContent("transfer", Map.of("to", to, "amount", amount))).decision();
	}

}
