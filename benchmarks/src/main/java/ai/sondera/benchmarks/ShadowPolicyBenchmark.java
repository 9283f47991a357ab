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

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;

/**
 * What a shadow policy costs: one PRE_TOOL adjudication (10 policies, 20 tools) of the
 * tool a new forbid applies to, with that forbid absent ({@code none}), live
 * ({@code live}) or in shadow mode ({@code shadow}: the live set and the set with the
 * shadow policy are both evaluated).
 *
 * @author Sondera
 */
public class ShadowPolicyBenchmark extends HarnessBenchmark {

	private static final String NEW_POLICY = "@id(\"new-forbid\") forbid(principal, action == Bench::Action::\"tool7\","
			+ " resource) when { context.parameters.command like \"*sudo*\" };\n";

	@Param({ "none", "live", "shadow" })
	String policy;

	private Trajectory trajectory;

	private ToolRequestContent content;

	@Setup(Level.Trial)
	public void setUp() {
		Agent agent = BenchmarkAgent.create();
		String policies = AdjudicationBenchmark.policyText(10);
		if (this.policy.equals("live")) {
			policies += NEW_POLICY;
		}
		else if (this.policy.equals("shadow")) {
			policies += "@shadow " + NEW_POLICY;
		}
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(policies)
			.agent(agent)
			.store(new DiscardingTrajectoryStore())
			.auditLog(AuditLog.NONE)
			.build();
		this.trajectory = harness.initialize(agent, null);
		this.content = BenchmarkAgent.request("tool7");
	}

	@Benchmark
	public Adjudication adjudicate() {
		return this.trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, this.content);
	}

}
