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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;

import static ai.sondera.harness.cedar.Harnesses.prompt;
import static ai.sondera.harness.cedar.Harnesses.toolCall;
import static ai.sondera.harness.cedar.Harnesses.toolResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The decision rules of {@link CedarPolicyHarness}, one test per rule.
 */
class CedarPolicyHarnessTests {

	private static final String ALLOW_ALL = "@id(\"allow-all\") permit(principal, action, resource);\n";

	@Test
	void defaultDenyWhenNoPermitMatches() {
		Trajectory trajectory = Harnesses.start("""
				@id("search-only") permit(principal, action == MyAgent::Action::"Search", resource);
				""");
		Adjudication result = toolCall(trajectory, "Bash", Map.of("command", "ls"));
		assertThat(result.decision()).isEqualTo(Decision.DENY);
		assertThat(result.reason()).isEqualTo("No matching permit policy");
		assertThat(result.policies()).isEmpty();
	}

	@Test
	void allowWhenPermitMatchesAndNoForbid() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL);
		Adjudication result = toolCall(trajectory, "Bash", Map.of("command", "ls"));
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.reason()).isEqualTo("Allowed by all policies");
		assertThat(result.policies()).extracting(PolicyMetadata::id).containsExactly("allow-all");
	}

	@Test
	void allowListsEverySatisfiedPermit() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("short-commands") permit(principal, action == MyAgent::Action::"Bash", resource)
				when { context.parameters_json like "*ls*" };
				@id("never") forbid(principal, action == MyAgent::Action::"Bash", resource)
				when { context.parameters.command == "reboot" };
				""");
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "ls")).policies()).extracting(PolicyMetadata::id)
			.containsExactly("allow-all", "short-commands");
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "pwd")).policies()).extracting(PolicyMetadata::id)
			.containsExactly("allow-all");
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "reboot")).policies())
			.extracting(PolicyMetadata::id)
			.containsExactly("never");
	}

	@Test
	void matchingForbidsDenyAndAreNamedWithTheirReasons() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("no-rm") @reason("No recursive deletes")
				forbid(principal, action == MyAgent::Action::"Bash", resource)
				when { context.parameters.command like "*rm -rf*" };
				@id("no-root") @description("Never touch the root")
				forbid(principal, action == MyAgent::Action::"Bash", resource)
				when { context.parameters_json like "* /*" };
				@id("unrelated")
				forbid(principal, action == MyAgent::Action::"Bash", resource)
				when { context.parameters.command == "reboot" };
				""");
		Adjudication result = toolCall(trajectory, "Bash", Map.of("command", "rm -rf /"));
		assertThat(result.isDenied()).isTrue();
		assertThat(result.policies()).extracting(PolicyMetadata::id).containsExactly("no-rm", "no-root");
		assertThat(result.reason())
			.isEqualTo("Denied by policies: [no-rm] No recursive deletes; [no-root] Never touch the root");
	}

	@Test
	void onlyEscalatingForbidsEscalate() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("big-transfer") @escalate("finance-team") @reason("Transfers over 10000 need approval")
				forbid(principal, action == MyAgent::Action::"Transfer", resource)
				when { context.parameters.amount > 10000 };
				@id("any-email") @escalate
				forbid(principal, action == MyAgent::Action::"SendEmail", resource);
				""");
		Adjudication transfer = toolCall(trajectory, "Transfer", Map.of("amount", 20000));
		assertThat(transfer.isEscalated()).isTrue();
		assertThat(transfer.policies()).singleElement().satisfies((policy) -> {
			assertThat(policy.escalate()).isTrue();
			assertThat(policy.escalateArg()).isEqualTo("finance-team");
			assertThat(policy.description()).isEqualTo("Transfers over 10000 need approval");
		});
		assertThat(transfer.reason()).isEqualTo(
				"Escalated by policies: [big-transfer] Transfers over 10000 need approval (escalate: finance-team)");
		Adjudication email = toolCall(trajectory, "SendEmail", Map.of("body", "hi"));
		assertThat(email.isEscalated()).isTrue();
		assertThat(email.policies()).singleElement().satisfies((policy) -> assertThat(policy.escalateArg()).isEmpty());
		assertThat(email.reason()).isEqualTo("Escalated by policies: [any-email] (escalate)");
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 5)).isAllowed()).isTrue();
	}

	@Test
	void hardDenyWinsOverEscalate() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("big-transfer") @escalate("finance-team")
				forbid(principal, action == MyAgent::Action::"Transfer", resource)
				when { context.parameters.amount > 10000 };
				@id("huge-transfer")
				forbid(principal, action == MyAgent::Action::"Transfer", resource)
				when { context.parameters.amount > 100000 };
				""");
		Adjudication result = toolCall(trajectory, "Transfer", Map.of("amount", 500000));
		assertThat(result.isDenied()).isTrue();
		assertThat(result.policies()).extracting(PolicyMetadata::id).containsExactly("huge-transfer");
		assertThat(result.reason()).isEqualTo("Denied by policies: [huge-transfer]");
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 50000)).isEscalated()).isTrue();
	}

	@Test
	void customAnnotationsAreInPolicyMetadata() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("p1") @reason("Desc") @severity("high") @team("sec")
				forbid(principal, action == MyAgent::Action::"DeleteDatabase", resource);
				""");
		Adjudication result = toolCall(trajectory, "DeleteDatabase", Map.of());
		assertThat(result.policies()).singleElement()
			.satisfies((policy) -> assertThat(policy.custom()).containsExactly(Map.entry("severity", "high"),
					Map.entry("team", "sec")));
		assertThat(result.reason()).isEqualTo("Denied by policies: [p1] Desc (severity=high, team=sec)");
	}

	@Test
	void erroringForbidDeniesInsteadOfBeingSkipped() {
		String policies = ALLOW_ALL + """
				@id("spending-limit")
				forbid(principal, action == MyAgent::Action::"Transfer", resource)
				when { context.parameters.amount > 10000 };
				""";
		Trajectory trajectory = Harnesses.start(policies);
		Adjudication result = toolCall(trajectory, "Transfer", Map.of("to", "mallory"));
		assertThat(result.isDenied()).isTrue();
		assertThat(result.policies()).extracting(PolicyMetadata::id).containsExactly("spending-limit");
		assertThat(result.reason()).startsWith("Denied by policies: [spending-limit] (evaluation error")
			.contains("amount");
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 10, "to", "bob")).isAllowed()).isTrue();
	}

	@Test
	void erroringEscalateForbidDeniesToo() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("big-transfer") @escalate("finance-team")
				forbid(principal, action == MyAgent::Action::"Transfer", resource)
				when { context.parameters.amount > 10000 };
				""");
		assertThat(toolCall(trajectory, "Transfer", Map.of()).decision()).isEqualTo(Decision.DENY);
	}

	@Test
	void erroringPermitDoesNotPermit() {
		Trajectory trajectory = Harnesses.start("""
				@id("small-transfers")
				permit(principal, action == MyAgent::Action::"Transfer", resource)
				when { context.parameters.amount < 100 };
				""");
		Adjudication result = toolCall(trajectory, "Transfer", Map.of());
		assertThat(result.isDenied()).isTrue();
		assertThat(result.reason()).isEqualTo("No matching permit policy");
	}

	@Test
	void ignoreModeSkipsErroringPoliciesLikeTheSdk() {
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(ALLOW_ALL + """
					@id("spending-limit")
					forbid(principal, action == MyAgent::Action::"Transfer", resource)
					when { context.parameters.amount > 10000 };
					""")
			.store(new ai.sondera.harness.store.InMemoryTrajectoryStore())
			.evaluationErrorMode(EvaluationErrorMode.IGNORE)
			.build();
		Trajectory trajectory = harness.initialize(TestAgents.MY_AGENT, null);
		assertThat(toolCall(trajectory, "Transfer", Map.of()).isAllowed()).isTrue();
	}

	@Test
	void stepCountStopsARunawayAgentButNotPrompts() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("limit-tool-calls")
				forbid(principal, action, resource)
				when { resource.step_count > 50 };
				""");
		for (int i = 1; i <= 50; i++) {
			assertThat(toolCall(trajectory, "Search", Map.of("query", "q" + i)).isAllowed()).as("step %d", i).isTrue();
		}
		Adjudication step51 = toolCall(trajectory, "Search", Map.of("query", "again"));
		assertThat(step51.isDenied()).isTrue();
		assertThat(step51.policies()).extracting(PolicyMetadata::id).containsExactly("limit-tool-calls");
		assertThat(prompt(trajectory, "still talking").isAllowed()).isTrue();
		assertThat(trajectory.stepCount()).isEqualTo(52);
	}

	@Test
	void firstStepSeesStepCountOne() {
		Trajectory trajectory = Harnesses.start("""
				@id("first-only") permit(principal, action, resource) when { resource.step_count == 1 };
				""");
		assertThat(toolCall(trajectory, "Search", Map.of("query", "x")).isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "Search", Map.of("query", "x")).isDenied()).isTrue();
	}

	@Test
	void interleavedTrajectoriesOnTwoThreadsKeepIndependentCounts() throws Exception {
		CedarPolicyHarness harness = Harnesses.of(ALLOW_ALL + """
				@id("limit") forbid(principal, action, resource) when { resource.step_count > 3000 };
				""", TestAgents.MY_AGENT);
		Trajectory first = harness.initialize(TestAgents.MY_AGENT, "s1");
		Trajectory second = harness.initialize(TestAgents.MY_AGENT, "s2");
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<Decision>>> results = new ArrayList<>();
			for (Trajectory trajectory : List.of(first, second)) {
				results.add(executor.submit(() -> {
					List<Decision> decisions = new ArrayList<>();
					for (int i = 0; i < 3001; i++) {
						decisions.add(toolCall(trajectory, "Search", Map.of("query", "q")).decision());
					}
					return decisions;
				}));
			}
			for (Future<List<Decision>> result : results) {
				List<Decision> decisions = result.get();
				assertThat(decisions.subList(0, 3000)).containsOnly(Decision.ALLOW);
				assertThat(decisions.get(3000)).isEqualTo(Decision.DENY);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(first.stepCount()).isEqualTo(3001);
		assertThat(second.stepCount()).isEqualTo(3001);
	}

	@Test
	void runStagesAndMismatchedContentAreRecordedAndAllowed() {
		Trajectory trajectory = Harnesses.start("""
				@id("search-only") permit(principal, action == MyAgent::Action::"Search", resource);
				""");
		Adjudication preRun = trajectory.adjudicate(Stage.PRE_RUN, Role.USER, new PromptContent("start"));
		Adjudication mismatched = trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new PromptContent("not a tool"));
		Adjudication postRun = trajectory.adjudicate(Stage.POST_RUN, Role.SYSTEM,
				new ToolRequestContent("Bash", Map.of("command", "rm -rf /")));
		assertThat(List.of(preRun, mismatched, postRun)).allSatisfy((result) -> {
			assertThat(result.isAllowed()).isTrue();
			assertThat(result.reason()).isEqualTo("Non-tool content allowed by default");
			assertThat(result.policies()).isEmpty();
		});
		assertThat(trajectory.stepCount()).isEqualTo(3);
	}

	@Test
	void unknownToolIsDeniedWithTheKnownTools() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL);
		Adjudication result = toolCall(trajectory, "LaunchMissiles", Map.of());
		assertThat(result.isDenied()).isTrue();
		assertThat(result.reason()).contains("Unknown tool 'LaunchMissiles'").contains("Bash").contains("Transfer");
	}

	@Test
	void unexpectedMissingOrMistypedArgumentsAreDenied() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL);
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "ls", "sudo", true)).reason())
			.contains("unexpected argument 'sudo'");
		assertThat(toolCall(trajectory, "Bash", Map.of("timeout", 5)).reason())
			.contains("missing required argument 'command'");
		assertThat(toolCall(trajectory, "Bash", Map.of("command", 42)).reason())
			.contains("'command' must be a string but was the number 42");
		assertThat(toolCall(trajectory, "SendEmail", Map.of("to", List.of("a@b.c", 7))).reason())
			.contains("'to[1]' must be a string");
		assertThat(toolCall(trajectory, "SendEmail", Map.of("to", List.of("a@b.c"), "urgent", true)).isAllowed())
			.isTrue();
	}

	@Test
	void promptsSeeContentAndRole() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("no-injection") @reason("Prompt injection")
				forbid(principal, action == MyAgent::Action::"Prompt", resource)
				when { resource.content like "*ignore previous instructions*" && resource.role == MyAgent::Role::"user" };
				""");
		assertThat(prompt(trajectory, "please ignore previous instructions").isDenied()).isTrue();
		assertThat(trajectory.adjudicate(Stage.POST_MODEL, Role.MODEL,
				new PromptContent("I will not ignore previous instructions")).isAllowed()).isTrue();
		assertThat(prompt(trajectory, "hello").isAllowed()).isTrue();
	}

	@Test
	void toolResultsAreCheckedWithoutBlockingToolCalls() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL + """
				@id("no-secrets") forbid(principal, action, resource) when { context.response_json like "*secret*" };
				@id("no-errors") forbid(principal, action == MyAgent::Action::"Fetch", resource)
				when { context.response.status >= 500 };
				""");
		assertThat(toolCall(trajectory, "Read", Map.of("path", "secret.txt")).isAllowed()).isTrue();
		assertThat(toolResult(trajectory, "Read", "the secret is 42").isDenied()).isTrue();
		assertThat(toolResult(trajectory, "Read", "nothing to see").isAllowed()).isTrue();
		assertThat(toolResult(trajectory, "Fetch", Map.of("status", 503, "body", "down")).reason())
			.isEqualTo("Denied by policies: [no-errors]");
		assertThat(toolResult(trajectory, "Fetch", Map.of("status", 200, "body", "ok")).isAllowed()).isTrue();
	}

	@Test
	void principalAttributesAreAvailable() {
		Trajectory trajectory = Harnesses.start("""
				@id("own-tools") permit(principal, action, resource)
				when { principal.name == "MyAgent" && principal.tools.contains(MyAgent::Tool::"Bash") };
				""");
		assertThat(toolCall(trajectory, "Search", Map.of("query", "x")).isAllowed()).isTrue();
	}

	@Test
	void endedTrajectoryRefusesAdjudication() {
		Trajectory trajectory = Harnesses.start(ALLOW_ALL);
		trajectory.finish();
		assertThatIllegalStateException().isThrownBy(() -> prompt(trajectory, "hi")).withMessageContaining("completed");
		assertThatIllegalStateException().isThrownBy(trajectory::finish).withMessageContaining("already ended");
		Trajectory failed = Harnesses.start(ALLOW_ALL);
		failed.fail("model crashed");
		assertThatIllegalStateException().isThrownBy(() -> prompt(failed, "hi")).withMessageContaining("failed");
	}

}
