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

import com.zaxxer.hikari.HikariDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditDurability;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.FileTrajectoryStore;
import ai.sondera.harness.store.TrajectoryStore;
import ai.sondera.store.jdbc.JdbcAuditLog;
import ai.sondera.store.jdbc.JdbcTrajectoryStore;
import ai.sondera.store.jdbc.PostgresServer;
import ai.sondera.store.jdbc.SonderaSchema;

/**
 * One PRE_TOOL adjudication (10 policies, 20 tools) with its step and audit record
 * stored: {@code none} (the adjudication alone, nothing stored), {@code file} (the file
 * trajectory store and audit log, flushed), {@code jdbc} (both in PostgreSQL, committed
 * before the adjudication returns) and {@code jdbc-audit} (only the audit record in
 * PostgreSQL: what writing trajectory steps asynchronously or in batches could at best
 * reach, the audit record staying synchronous). PostgreSQL is started from Debian's
 * binaries with {@code fsync} on, on loopback; run with {@code -t 1} and {@code -t 2}.
 *
 * @author Sondera
 */
public class SharedStoreBenchmark extends HarnessBenchmark {

	@Param({ "none", "file", "jdbc", "jdbc-audit" })
	String store;

	private PostgresServer server;

	private HikariDataSource dataSource;

	private FileAuditLog fileAuditLog;

	private CedarPolicyHarness harness;

	private Agent agent;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.agent = BenchmarkAgent.create();
		TrajectoryStore trajectories = new DiscardingTrajectoryStore();
		AuditLog audit = AuditLog.NONE;
		if (this.store.equals("file")) {
			Path directory = Files.createTempDirectory("sondera-store-bench");
			trajectories = new FileTrajectoryStore(directory.resolve("trajectories"));
			this.fileAuditLog = new FileAuditLog(directory.resolve("audit"), AuditDurability.FLUSH);
			audit = this.fileAuditLog;
		}
		else if (this.store.startsWith("jdbc")) {
			this.server = PostgresServer.start(true);
			this.dataSource = PostgresServer.dataSource(this.server.createDatabase(), 4);
			SonderaSchema.migrate(this.dataSource);
			audit = new JdbcAuditLog(this.dataSource);
			if (this.store.equals("jdbc")) {
				trajectories = new JdbcTrajectoryStore(this.dataSource);
			}
		}
		this.harness = CedarPolicyHarness.builder()
			.policies(AdjudicationBenchmark.policyText(10))
			.agent(this.agent)
			.store(trajectories)
			.auditLog(audit)
			.build();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		if (this.fileAuditLog != null) {
			this.fileAuditLog.close();
		}
		if (this.dataSource != null) {
			this.dataSource.close();
			this.server.close();
		}
	}

	@Benchmark
	public Adjudication adjudicate(Conversation conversation) {
		return conversation.trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, conversation.content);
	}

	/**
	 * A trajectory per benchmark thread, as each conversation has its own.
	 */
	@State(Scope.Thread)
	public static class Conversation {

		Trajectory trajectory;

		ToolRequestContent content;

		@Setup(Level.Trial)
		public void setUp(SharedStoreBenchmark benchmark) {
			this.trajectory = benchmark.harness.initialize(benchmark.agent, null);
			this.content = BenchmarkAgent.request("tool7");
		}

	}

}
