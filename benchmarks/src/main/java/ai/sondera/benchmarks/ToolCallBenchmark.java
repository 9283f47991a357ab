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

package ai.sondera.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.GuardedToolCallback;
import ai.sondera.spring.ai.tool.ToolCallGuard;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;

/**
 * A Spring AI tool call through {@link GuardedToolCallback} against the bare
 * {@link ToolCallback}, and the two adjudications the guard makes (PRE_TOOL and
 * POST_TOOL) on their own: {@code guarded - bare - adjudications} is the guard's own
 * overhead.
 *
 * @author Sondera
 */
public class ToolCallBenchmark extends HarnessBenchmark {

	private static final String INPUT = "{\"to\": \"bob\", \"amount\": 50}";

	private ToolCallback bare;

	private ToolCallback guarded;

	private Trajectory trajectory;

	private ToolRequestContent request;

	private ToolResponseContent response;

	@Setup(Level.Trial)
	public void setUp() {
		this.bare = FunctionToolCallback.builder("transfer", (TransferRequest transfer) -> "sent " + transfer.amount())
			.description("Transfer money")
			.inputType(TransferRequest.class)
			.build();
		Agent agent = new Agent("bench", "bench", "Bench", "", "",
				List.of(AgentToolCatalog.toTool(this.bare.getToolDefinition())));
		CedarPolicyHarness harness = CedarPolicyHarness.builder().policies("""
				@id("allow-all") permit(principal, action, resource);
				@id("limit") forbid(principal, action == Bench::Action::"transfer", resource)
				when { context.parameters.amount > 1000 };
				@id("no-secrets") forbid(principal, action, resource) when { context.response_json like "*SECRET*" };
				""").agent(agent).store(new DiscardingTrajectoryStore()).build();
		this.trajectory = harness.initialize(agent, null);
		ToolCallGuard guard = new ToolCallGuard(new VerdictResolver(new ApprovalService(Map.of(), Duration.ofSeconds(1))),
				new DefaultVerdictHandler(), new AgentToolCatalog(agent, (candidate) -> {
				}), EnforcementResolver.of(Enforcement.STEER), FailurePolicy.FAIL_CLOSED);
		this.guarded = new GuardedToolCallback(this.bare, guard, this.trajectory);
		this.request = new ToolRequestContent("transfer", Map.of("to", "bob", "amount", 50));
		this.response = new ToolResponseContent("transfer", "sent 50");
		if (!guarded().equals(bare())) {
			throw new IllegalStateException("The guarded call must be allowed: " + guarded());
		}
	}

	@Benchmark
	public String bare() {
		return this.bare.call(INPUT);
	}

	@Benchmark
	public String guarded() {
		return this.guarded.call(INPUT);
	}

	@Benchmark
	public void adjudications(Blackhole blackhole) {
		blackhole.consume(this.trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, this.request));
		blackhole.consume(this.trajectory.adjudicate(Stage.POST_TOOL, Role.TOOL, this.response));
	}

	/**
	 * The tool's arguments.
	 *
	 * @param to the payee
	 * @param amount the amount
	 */
	public record TransferRequest(String to, long amount) {
	}

}
