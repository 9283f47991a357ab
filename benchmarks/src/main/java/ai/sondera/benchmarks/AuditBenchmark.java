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

import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.AdjudicationListener;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditDurability;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.spring.ai.observation.DecisionCounter;
import ai.sondera.spring.ai.observation.ObservationAdjudicationListener;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;

/**
 * One PRE_TOOL adjudication (10 policies, 20 tools) with the production extras: the audit
 * log at each durability, decision counting and a no-op observation registry, against the
 * adjudication alone ({@code audit=NONE}).
 *
 * @author Sondera
 */
public class AuditBenchmark extends HarnessBenchmark {

	@Param({ "NONE", "FLUSH", "FSYNC", "GROUP_COMMIT" })
	String audit;

	private Path directory;

	private FileAuditLog auditLog;

	private Trajectory trajectory;

	private ToolRequestContent content;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		Agent agent = BenchmarkAgent.create();
		this.directory = Files.createTempDirectory("sondera-audit-bench");
		AuditLog log = AuditLog.NONE;
		AdjudicationListener listener = AdjudicationListener.NONE;
		if (!"NONE".equals(this.audit)) {
			this.auditLog = new FileAuditLog(this.directory, AuditDurability.valueOf(this.audit));
			log = this.auditLog;
			listener = AdjudicationListener.of(new DecisionCounter(), new ObservationAdjudicationListener(
					ObservationRegistry.NOOP, null, EnforcementResolver.of(Enforcement.STEER)));
		}
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(AdjudicationBenchmark.policyText(10))
			.agent(agent)
			.store(new DiscardingTrajectoryStore())
			.auditLog(log)
			.listener(listener)
			.build();
		this.trajectory = harness.initialize(agent, null);
		this.content = BenchmarkAgent.request("tool7");
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		if (this.auditLog != null) {
			this.auditLog.close();
		}
	}

	@Benchmark
	public Adjudication adjudicate() {
		return this.trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, this.content);
	}

}
