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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.replay.Replay;
import ai.sondera.harness.replay.ReplayReport;
import ai.sondera.harness.store.FileTrajectoryStore;

/**
 * Replaying 10,000 recorded steps (100 trajectories of 100 PRE_TOOL steps in a file
 * store, 10 policies, 20 tools) against a changed policy set (one policy more): reading
 * the recording, adjudicating every step again and comparing. One whole replay per
 * operation.
 *
 * @author Sondera
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ReplayBenchmark extends HarnessBenchmark {

	private static final int TRAJECTORIES = 100;

	private static final int STEPS = 100;

	private Path recorded;

	private List<PolicySource> changed;

	@Setup(Level.Trial)
	public void record() throws IOException {
		this.recorded = Files.createTempDirectory("sondera-replay-bench");
		Agent agent = BenchmarkAgent.create();
		String policies = AdjudicationBenchmark.policyText(10);
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(policies)
			.agent(agent)
			.store(new FileTrajectoryStore(this.recorded))
			.auditLog(AuditLog.NONE)
			.build();
		for (int t = 0; t < TRAJECTORIES; t++) {
			Trajectory trajectory = harness.initialize(agent, null);
			for (int s = 0; s < STEPS; s++) {
				trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, BenchmarkAgent.request("tool" + (s % 20)));
			}
		}
		this.changed = List.of(PolicySource.of("changed.cedar", policies + "@id(\"extra\") forbid(principal,"
				+ " action == Bench::Action::\"tool3\", resource) when { context.parameters_json like \"*never*\" };\n"));
	}

	@Benchmark
	public ReplayReport replay() {
		ReplayReport report = Replay.of(this.recorded).against(this.changed);
		if (report.steps() != (long) TRAJECTORIES * STEPS) {
			throw new IllegalStateException("replayed " + report.steps() + " steps");
		}
		return report;
	}

}
