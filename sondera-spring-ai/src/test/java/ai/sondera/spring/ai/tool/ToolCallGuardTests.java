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
package ai.sondera.spring.ai.tool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.SonderaContextKeys;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalHandler;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.test.ShopHarness;
import ai.sondera.spring.ai.test.ShopTools;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;
import ai.sondera.spring.ai.verdict.VerdictAction;
import ai.sondera.spring.ai.verdict.VerdictHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ToolCallGuard} with a real Cedar harness and real Spring AI tool callbacks, no
 * Spring context: what runs, what the model receives, what throws.
 */
class ToolCallGuardTests {

	private final ShopTools tools = new ShopTools();

	private final CedarPolicyHarness harness = ShopHarness.harness();

	private final Trajectory trajectory = this.harness.initialize(ShopHarness.agent(), null);

	private ToolCallGuard guard(Enforcement enforcement, FailurePolicy failures, VerdictHandler handler,
			Map<String, ApprovalHandler> approvers) {
		return new ToolCallGuard(new VerdictResolver(new ApprovalService(approvers, Duration.ofSeconds(2))), handler,
				new AgentToolCatalog(ShopHarness.agent(), this.harness::validate), EnforcementResolver.of(enforcement),
				failures);
	}

	private ToolCallGuard guard(Enforcement enforcement) {
		return guard(enforcement, FailurePolicy.FAIL_CLOSED, new DefaultVerdictHandler(), Map.of());
	}

	private ToolCallback tool(String name) {
		return ShopHarness.callbacks(this.tools)
			.stream()
			.filter((tool) -> tool.getToolDefinition().name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void allowedCallRunsAndReturnsItsResult() {
		String result = guard(Enforcement.STEER).call(tool("buy"), "{\"item\": \"apple\", \"quantity\": 2}", null,
				this.trajectory);
		assertThat(result).contains("bought 2 apple");
		assertThat(this.tools.purchases()).containsExactly("apple x2");
		assertThat(this.harness.loadedPolicies()).isNotEmpty();
		assertThat(this.trajectory.stepCount()).isEqualTo(2);
	}

	@Test
	void steeredCallDoesNotRunAndTellsTheModelWhy() {
		String result = guard(Enforcement.STEER).call(tool("buy"), "{\"item\": \"apple\", \"quantity\": 9}", null,
				this.trajectory);
		assertThat(result).startsWith("Tool call 'buy' was denied by policy: Denied by policies: [bulk] No more than 5");
		assertThat(this.tools.purchases()).isEmpty();
	}

	@Test
	void blockedCallThrows() {
		ToolCallGuard guard = guard(Enforcement.of(EnforcementMode.BLOCK));
		assertThatExceptionOfType(PolicyViolationException.class)
			.isThrownBy(() -> guard.call(tool("buy"), "{\"item\": \"apple\", \"quantity\": 9}", null, this.trajectory))
			.satisfies((ex) -> assertThat(ex.getStage()).isEqualTo(Stage.PRE_TOOL));
		assertThat(this.tools.purchases()).isEmpty();
	}

	@Test
	void monitoredDenialRuns() {
		guard(Enforcement.of(EnforcementMode.MONITOR)).call(tool("buy"), "{\"item\": \"apple\", \"quantity\": 9}",
				null, this.trajectory);
		assertThat(this.tools.purchases()).containsExactly("apple x9");
	}

	@Test
	void deniedResultIsReplaced() {
		String result = guard(Enforcement.STEER).call(tool("receipt"), "{}", null, this.trajectory);
		assertThat(result).contains("[no-secrets] Secrets stay inside").doesNotContain("4111");
	}

	@Test
	void unreadableArgumentsDenyUnlessFailingOpen() {
		String denied = guard(Enforcement.STEER).call(tool("buy"), "{not json", null, this.trajectory);
		assertThat(denied).contains("Policy check failed, denied to fail closed");
		assertThat(this.tools.purchases()).isEmpty();
		ToolCallGuard open = guard(Enforcement.STEER, FailurePolicy.FAIL_OPEN, new DefaultVerdictHandler(), Map.of());
		assertThat(open.checkCall("buy", () -> {
			throw new IllegalArgumentException("unreadable");
		}, this.trajectory).action()).isEqualTo(VerdictAction.PROCEED);
	}

	@Test
	void escalationRunsOnlyWhenApproved() {
		Map<String, ApprovalHandler> approvers = Map.of("security",
				(request) -> CompletableFuture.completedFuture(request.arguments().get("quantity").equals(1)
						? ApprovalDecision.approve("ana", null) : ApprovalDecision.reject("ana", "too many")));
		ToolCallGuard guard = guard(Enforcement.STEER, FailurePolicy.FAIL_CLOSED, new DefaultVerdictHandler(),
				approvers);
		guard.call(tool("buy"), "{\"item\": \"gun\", \"quantity\": 1}", null, this.trajectory);
		String rejected = guard.call(tool("buy"), "{\"item\": \"gun\", \"quantity\": 2}", null, this.trajectory);
		assertThat(this.tools.purchases()).containsExactly("gun x1");
		assertThat(rejected).contains("Escalation rejected by ana: too many");
		// PRE_TOOL, approval, POST_TOOL for the first call; PRE_TOOL, rejection for the second
		assertThat(this.trajectory.stepCount()).isEqualTo(5);
	}

	@Test
	void aCustomVerdictHandlerDecides() {
		VerdictHandler handler = (checkpoint, verdict, enforcement) -> verdict.isAllowed() ? VerdictAction.PROCEED
				: new VerdictAction.Replace("custom: " + checkpoint.kind() + " " + verdict.decision());
		String result = guard(Enforcement.STEER, FailurePolicy.FAIL_CLOSED, handler, Map.of()).call(tool("buy"),
				"{\"item\": \"apple\", \"quantity\": 9}", null, this.trajectory);
		assertThat(result).isEqualTo("custom: TOOL_CALL " + Decision.DENY);
	}

	@Test
	void directCallOfADeniedToolThrowsEvenWhenSteering() {
		ToolCallGuard guard = guard(Enforcement.STEER);
		assertThatExceptionOfType(PolicyViolationException.class).isThrownBy(() -> guard.invoke("buy",
				Map.of("item", "apple", "quantity", 9), this.trajectory, () -> this.tools.buy("apple", 9)));
		assertThat(this.tools.purchases()).isEmpty();
		assertThat(guard.invoke("buy", Map.of("item", "apple", "quantity", 1), this.trajectory,
				() -> this.tools.buy("apple", 1))).isEqualTo("bought 1 apple");
	}

	@Test
	void theToolNeverSeesSonderaContextEntries() {
		AtomicReference<ToolContext> seen = new AtomicReference<>();
		ToolCallback recording = FunctionToolCallback.<Map<String, Object>, String>builder("receipt", (input, context) -> {
			seen.set(context);
			return "total 12";
		}).description("Show the receipt").inputType(Map.class).build();
		ToolContext context = new ToolContext(Map.of(SonderaContextKeys.TRAJECTORY, this.trajectory,
				SonderaContextKeys.TOOLS_GUARDED, true, "tenant", "acme"));
		guard(Enforcement.STEER).call(recording, "{}", context, this.trajectory);
		assertThat(seen.get().getContext()).containsOnlyKeys("tenant");
	}

}
