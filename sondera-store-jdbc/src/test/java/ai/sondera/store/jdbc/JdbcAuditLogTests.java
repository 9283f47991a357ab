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

package ai.sondera.store.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.sondera.harness.Decision;
import ai.sondera.harness.Stage;
import ai.sondera.harness.audit.AuditEntry;
import ai.sondera.harness.audit.AuditLogVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JdbcAuditLog} and {@link JdbcAuditLogVerifier} on a real PostgreSQL.
 *
 * @author Sondera
 */
class JdbcAuditLogTests {

	private String url;

	private HikariDataSource instanceA;

	private HikariDataSource instanceB;

	@BeforeEach
	void createDatabase() {
		this.url = PostgresServer.shared().createDatabase();
		this.instanceA = PostgresServer.dataSource(this.url, 4);
		this.instanceB = PostgresServer.dataSource(this.url, 4);
		SonderaSchema.migrate(this.instanceA);
	}

	@AfterEach
	void close() {
		this.instanceA.close();
		this.instanceB.close();
	}

	@Test
	void fourThreadsOnEachOfTwoInstancesFormOneChainWithoutGapOrFork() throws Exception {
		JdbcAuditLog logA = new JdbcAuditLog(this.instanceA);
		JdbcAuditLog logB = new JdbcAuditLog(this.instanceB);
		int perThread = 100;
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		Set<String> ids = ConcurrentHashMap.newKeySet();
		List<Future<?>> writers = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			JdbcAuditLog log = (thread % 2 == 0) ? logA : logB;
			String trajectory = "traj-" + thread;
			writers.add(threads.submit(() -> {
				start.await();
				for (int step = 0; step < perThread; step++) {
					ids.add(log.append(entry(trajectory, step)));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> writer : writers) {
			writer.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();
		AuditLogVerifier.Result result = JdbcAuditLogVerifier.verify(this.instanceB);
		assertThat(result.valid()).as(result.message()).isTrue();
		assertThat(result.records()).isEqualTo(8 * perThread);
		assertThat(ids).hasSize(8 * perThread);
		JdbcClient jdbc = JdbcClient.create(this.instanceA);
		assertThat(jdbc.sql("SELECT count(*) FROM sondera_audit").query(Long.class).single()).isEqualTo(800L);
		assertThat(jdbc.sql("SELECT max(seq) - min(seq) + 1 FROM sondera_audit").query(Long.class).single())
			.as("no gap").isEqualTo(800L);
		assertThat(jdbc.sql("SELECT count(DISTINCT record::json->>'prevHash') FROM sondera_audit")
			.query(Long.class)
			.single()).as("no fork: every record has a previous hash of its own").isEqualTo(800L);
	}

	@Test
	void theVerifierFindsAChangedRecordAndRemovedNewestRecords() {
		JdbcAuditLog log = new JdbcAuditLog(this.instanceA);
		for (int step = 0; step < 5; step++) {
			log.append(entry("traj-1", step));
		}
		assertThat(JdbcAuditLogVerifier.verify(this.instanceA).valid()).isTrue();
		JdbcClient jdbc = JdbcClient.create(this.instanceA);
		jdbc.sql("DELETE FROM sondera_audit WHERE seq = 5").update();
		AuditLogVerifier.Result cut = JdbcAuditLogVerifier.verify(this.instanceA);
		assertThat(cut.valid()).isFalse();
		assertThat(cut.message()).contains("head is at record 5").contains("ends at record 4");
		jdbc.sql("UPDATE sondera_audit SET record = replace(record, '\"allow\"', '\"deny\"') WHERE seq = 2").update();
		AuditLogVerifier.Result changed = JdbcAuditLogVerifier.verify(this.instanceA);
		assertThat(changed.valid()).isFalse();
		assertThat(changed.message()).isEqualTo("record 2 was changed: its hash does not match its content");
	}

	@Test
	void anInstanceKilledWhileAppendingLeavesAChainThatHoldsEveryRecordWhoseActionRan() throws Exception {
		JdbcAuditLog log = new JdbcAuditLog(this.instanceA);
		log.append(entry("traj-parent", 0));
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), AuditWriterProcess.class.getName(), this.url)
			.redirectErrorStream(true)
			.start();
		List<String> ran = new ArrayList<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null && ran.size() < 200) {
				if (line.startsWith("audit-")) {
					ran.add(line);
				}
				if (ran.size() == 100) {
					log.append(entry("traj-parent", 1));
				}
			}
			child.destroyForcibly();
			assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(ran).as("the child appended before it was killed").hasSize(200);
		log.append(entry("traj-parent", 2));
		AuditLogVerifier.Result result = JdbcAuditLogVerifier.verify(this.instanceA);
		assertThat(result.valid()).as(result.message()).isTrue();
		List<String> stored = JdbcClient.create(this.instanceA)
			.sql("SELECT audit_id FROM sondera_audit")
			.query(String.class)
			.list();
		assertThat(stored).containsAll(ran);
		assertThat(result.records()).isEqualTo(stored.size()).isGreaterThanOrEqualTo(203);
	}

	@Test
	void whileTheDatabaseIsAwayAppendsFailAndAfterwardsTheChainContinues() {
		try (PostgresServer server = PostgresServer.start(false)) {
			String url = server.createDatabase();
			try (HikariDataSource dataSource = PostgresServer.dataSource(url, 2)) {
				SonderaSchema.migrate(dataSource);
				JdbcAuditLog log = new JdbcAuditLog(dataSource);
				log.append(entry("traj-1", 0));
				server.stop();
				assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> log.append(entry("traj-1", 1)));
				server.startServer();
				assertThat(appendWithin(log, Duration.ofSeconds(10))).as("appends work again").isTrue();
				AuditLogVerifier.Result result = JdbcAuditLogVerifier.verify(dataSource);
				assertThat(result.valid()).as(result.message()).isTrue();
				assertThat(result.records()).isEqualTo(2);
			}
		}
	}

	/**
	 * Append once the pool has replaced the connections the restart broke (the first
	 * attempts may fail, and are denied, as the database comes back).
	 */
	private static boolean appendWithin(JdbcAuditLog log, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				log.append(entry("traj-1", 2));
				return true;
			}
			catch (RuntimeException ex) {
				sleep(100);
			}
		}
		return false;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static AuditEntry entry(String trajectory, long step) {
		return new AuditEntry(Instant.now(), trajectory, "agent", step, Stage.PRE_TOOL, "transfer", Decision.ALLOW,
				"Allowed", List.of("p"), "sha256:set");
	}

}
