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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryRecord;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalRequest;
import ai.sondera.spring.ai.approval.ApprovalScope;
import ai.sondera.spring.ai.approval.StoredApproval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the JDBC trajectory store, approval store and conversation index on a real
 * PostgreSQL, each with two instances (two pools) on one database.
 *
 * @author Sondera
 */
class JdbcStoresTests {

	private HikariDataSource instanceA;

	private HikariDataSource instanceB;

	@BeforeEach
	void createDatabase() {
		String url = PostgresServer.shared().createDatabase();
		this.instanceA = PostgresServer.dataSource(url, 4);
		this.instanceB = PostgresServer.dataSource(url, 4);
		assertThat(SonderaSchema.migrate(this.instanceA)).isEqualTo(1);
		assertThat(SonderaSchema.migrate(this.instanceB)).as("already migrated").isZero();
	}

	@AfterEach
	void close() {
		this.instanceA.close();
		this.instanceB.close();
	}

	@Test
	void aTrajectoryWrittenByOneInstanceIsReadByAnother() {
		JdbcTrajectoryStore storeA = new JdbcTrajectoryStore(this.instanceA);
		JdbcTrajectoryStore storeB = new JdbcTrajectoryStore(this.instanceB);
		Agent agent = new Agent("bank", "test", "Bank", "Moves money", "Be careful",
				List.of(new Tool("transfer", "Sends money", "{\"type\": \"object\"}", null)));
		storeA.saveAgent(agent);
		storeA.saveAgent(agent);
		TrajectoryRecord record = new TrajectoryRecord("traj-1", "bank", TrajectoryStatus.RUNNING, "conv-1",
				Instant.parse("2026-12-02T10:00:00Z"));
		storeA.create(record);
		TrajectoryStep step = new TrajectoryStep(Stage.PRE_TOOL, Role.MODEL,
				new ToolRequestContent("transfer", Map.of("amount", 5)),
				new Adjudication(Decision.DENY, "Denied by policies: [limit]",
						List.of(new PolicyMetadata("limit", "Limit", false, null, Map.of()))),
				Instant.parse("2026-12-02T10:00:01Z"));
		storeA.append(record, 0, step);
		storeA.updateStatus(record, TrajectoryStatus.COMPLETED);
		StoredTrajectory loaded = storeB.load("traj-1").orElseThrow();
		assertThat(loaded.record().status()).isEqualTo(TrajectoryStatus.COMPLETED);
		assertThat(loaded.record().sessionId()).isEqualTo("conv-1");
		assertThat(loaded.steps()).singleElement().satisfies((read) -> {
			assertThat(read.content()).isEqualTo(step.content());
			assertThat(read.adjudication().reason()).isEqualTo("Denied by policies: [limit]");
		});
		assertThat(storeB.loadAgent("bank")).contains(agent);
		assertThat(storeB.trajectoryIds()).containsExactly("traj-1");
		assertThat(storeB.loadHead("traj-1")).hasValueSatisfying((head) -> {
			assertThat(head.stepCount()).isEqualTo(1);
			assertThat(head.record()).isEqualTo(loaded.record());
		});
		assertThat(storeB.load("traj-2")).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> storeB.append(record, 0, step))
			.withMessageContaining("Step 0 of trajectory traj-1 was already written");
	}

	@Test
	void aConversationIsFoundByEveryInstance() {
		new JdbcConversationIndex(this.instanceA).save("conv-1", "traj-1");
		JdbcConversationIndex indexB = new JdbcConversationIndex(this.instanceB);
		assertThat(indexB.trajectoryOf("conv-1")).contains("traj-1");
		indexB.save("conv-1", "traj-2");
		assertThat(new JdbcConversationIndex(this.instanceA).trajectoryOf("conv-1")).contains("traj-2");
		indexB.remove("conv-1");
		assertThat(indexB.trajectoryOf("conv-1")).isEmpty();
		String longId = "conversation-".repeat(1000);
		indexB.save(longId, "traj-3");
		assertThat(new JdbcConversationIndex(this.instanceA).trajectoryOf(longId)).as("ids of any length")
			.contains("traj-3");
	}

	@Test
	void aDecisionGivenOnOneInstanceReleasesTheCallWaitingOnAnother() throws Exception {
		try (JdbcApprovalStore storeA = new JdbcApprovalStore(this.instanceA, Duration.ofMinutes(1));
				JdbcApprovalStore storeB = new JdbcApprovalStore(this.instanceB, Duration.ofMinutes(1))) {
			Thread.sleep(300);
			List<Long> latencies = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				StoredApproval opened = storeA.open(request("r" + i, i), Instant.now());
				CompletableFuture<StoredApproval> waiting = storeA.whenDecided(opened.id());
				long start = System.nanoTime();
				storeB.decide(opened.id(), ApprovalDecision.approve("bob", "fine"), Instant.now());
				StoredApproval released = waiting.get(5, TimeUnit.SECONDS);
				latencies.add(System.nanoTime() - start);
				assertThat(released.decision().approver()).isEqualTo("bob");
			}
			latencies.sort(null);
			System.out.printf("Cross-instance release by NOTIFY: p50 %.2f ms, max %.2f ms%n",
					latencies.get(10) / 1e6, latencies.get(19) / 1e6);
			assertThat(latencies.get(10)).as("released by the notification, not the 1-minute poll")
				.isLessThan(TimeUnit.SECONDS.toNanos(5));
		}
	}

	@Test
	void theSameCallIsAskedOnceAndItsApprovalIsUsedOnce() {
		try (JdbcApprovalStore storeA = new JdbcApprovalStore(this.instanceA);
				JdbcApprovalStore storeB = new JdbcApprovalStore(this.instanceB)) {
			ApprovalRequest request = request("r1", 500);
			Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			StoredApproval first = storeA.open(request, start);
			Instant later = start.plusSeconds(30);
			StoredApproval again = storeB.open(request.withId("r2"), later);
			assertThat(again.id()).as("the pending request of the same call").isEqualTo("r1");
			assertThat(again.askedAt()).as("its timeout runs from the new call").isEqualTo(later);
			assertThat(again.createdAt()).isEqualTo(start);
			assertThat(storeB.pending()).extracting(StoredApproval::id).containsExactly("r1");
			assertThat(storeB.takeApproval(request.digest(), Instant.now())).isEmpty();
			assertThat(storeB.decide("r1", ApprovalDecision.approve("ana", "ok"), Instant.now()))
				.hasValueSatisfying((decided) -> assertThat(decided.state()).isEqualTo(StoredApproval.State.APPROVED));
			assertThat(storeA.decide("r1", ApprovalDecision.reject("eve", null), Instant.now()))
				.as("the first decision wins")
				.hasValueSatisfying((decided) -> assertThat(decided.decision().approver()).isEqualTo("ana"));
			assertThat(storeA.takeApproval(request.digest(), Instant.now())).isPresent();
			assertThat(storeB.takeApproval(request.digest(), Instant.now())).as("used once").isEmpty();
			assertThat(storeB.takeApproval(request("r3", 501).digest(), Instant.now())).isEmpty();
			assertThat(first.digest()).isEqualTo(request.digest());
		}
	}

	@Test
	void aConversationOrTimedApprovalIsKeptWithItsScope() {
		try (JdbcApprovalStore store = new JdbcApprovalStore(this.instanceA)) {
			ApprovalRequest request = request("r1", 7);
			store.open(request, Instant.now());
			Instant until = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
			store.decide("r1", ApprovalDecision.approve("ana", null).withScope(ApprovalScope.until(until)), Instant.now());
			assertThat(store.takeApproval(request.digest(), Instant.now())).isPresent();
			assertThat(store.takeApproval(request.digest(), Instant.now())).isPresent();
			assertThat(store.takeApproval(request.digest(), until.plusSeconds(1))).isEmpty();
			assertThat(store.get("r1").orElseThrow().decision().scope().until()).isEqualTo(until);
			assertThat(store.get("r1").orElseThrow().request()).isEqualTo(request);
		}
	}

	private static ApprovalRequest request(String id, int amount) {
		return new ApprovalRequest(id, Stage.PRE_TOOL, "transfer", Map.of("amount", amount, "to", "bob"),
				"Escalated by policies: [large]",
				List.of(new PolicyMetadata("large", "Large transfers", true, "finance", Map.of())), "finance",
				"traj-1", "conv-1", "bank", null);
	}

}
