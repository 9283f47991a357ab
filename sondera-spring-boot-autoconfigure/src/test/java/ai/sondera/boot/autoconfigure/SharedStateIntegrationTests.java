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

package ai.sondera.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.sondera.boot.autoconfigure.actuate.SonderaEndpoint;
import ai.sondera.boot.autoconfigure.tools.BankTools;
import ai.sondera.harness.audit.AuditLogVerifier;
import ai.sondera.spring.ai.approval.ApprovalRequest;
import ai.sondera.spring.ai.approval.PendingApprovals;
import ai.sondera.store.jdbc.JdbcAuditLogVerifier;
import ai.sondera.store.jdbc.PostgresServer;

import static ai.sondera.boot.autoconfigure.BankApplication.effects;
import static ai.sondera.boot.autoconfigure.BankApplication.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one application (two application contexts) sharing their policy
 * state in one real PostgreSQL database with {@code sondera.trajectories.store=jdbc}.
 */
class SharedStateIntegrationTests {

	private String url;

	@BeforeEach
	void createDatabase() {
		this.url = PostgresServer.shared().createDatabase();
	}

	private ApplicationContextRunner instance(String url, String timeout) {
		return BankApplication
			.runner(DataSourceAutoConfiguration.class, SonderaJdbcAutoConfiguration.class,
					SonderaActuatorAutoConfiguration.class)
			.withPropertyValues("sondera.trajectories.store=jdbc", "spring.datasource.url=" + url,
					"spring.datasource.username=" + PostgresServer.user(), "sondera.approval.pending.enabled=true",
					"sondera.approval.timeout=" + timeout, "management.endpoints.web.exposure.include=sondera",
					"sondera.trajectories.jdbc.poll-interval=30s");
	}

	@Test
	void aConversationStartedOnOneInstanceContinuesOnTheOtherInOneTrajectory() {
		instance(this.url, "10s").run((a) -> instance(this.url, "10s").run((b) -> {
			model(a).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("Sent 50.");
			assertThat(ask(a, "conv-1")).isEqualTo("Sent 50.");
			model(b).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 60}").thenSay("Sent 60.");
			assertThat(ask(b, "conv-1")).isEqualTo("Sent 60.");
			assertThat(effects(a).log()).containsExactly("transfer:bob=50");
			assertThat(effects(b).log()).containsExactly("transfer:bob=60");
			JdbcClient jdbc = jdbc(a);
			List<String> trajectories = jdbc.sql("SELECT id FROM sondera_trajectory WHERE session_id = 'conv-1'")
				.query(String.class)
				.list();
			assertThat(trajectories).as("one trajectory").hasSize(1);
			List<Long> steps = jdbc
				.sql("SELECT step_index FROM sondera_trajectory_step WHERE trajectory_id = ? ORDER BY step_index")
				.param(trajectories.get(0))
				.query(Long.class)
				.list();
			assertThat(steps).as("a continuous step count").isEqualTo(LongStream.range(0, steps.size()).boxed().toList());
			String second = jdbc
				.sql("SELECT step FROM sondera_trajectory_step WHERE trajectory_id = ? AND step LIKE '%\"amount\": 60%'")
				.param(trajectories.get(0))
				.query(String.class)
				.list()
				.get(0);
			assertThat(second).contains("pre_tool");
			assertThat(steps.size()).isGreaterThanOrEqualTo(8);
		}));
	}

	@Test
	void anEscalationRaisedOnOneInstanceIsReleasedByApprovalThroughTheOther() {
		instance(this.url, "10s").run((a) -> instance(this.url, "10s").run((b) -> {
			model(a).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("Sent 500.");
			CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> ask(a, "conv-2"));
			ApprovalRequest request = awaitPending(b);
			assertThat(request.arguments()).containsEntry("amount", 500);
			long start = System.nanoTime();
			Map<String, Object> decided = b.getBean(SonderaEndpoint.class).decide(request.id(), "approve", "ops", "known payee", null);
			assertThat(decided).containsEntry("updated", true);
			assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("Sent 500.");
			System.out.printf("Approval through instance B released instance A's call in %.1f ms%n",
					(System.nanoTime() - start) / 1e6);
			assertThat(effects(a).log()).containsExactly("transfer:bob=500");
			assertThat(model(a).lastToolResponses()).singleElement().asString().contains("sent 500 to bob");

			model(a).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 501}").thenSay("Not sent.");
			CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> ask(a, "conv-2"));
			ApprovalRequest again = awaitPending(b);
			assertThat(again.id()).as("a changed argument is asked again").isNotEqualTo(request.id());
			assertThat(again.arguments()).containsEntry("amount", 501);
			b.getBean(PendingApprovals.class).reject(again.id(), "ops", "not that much");
			assertThat(changed.get(5, TimeUnit.SECONDS)).isEqualTo("Not sent.");
			assertThat(model(a).lastToolResponses()).singleElement()
				.asString()
				.contains("Escalation rejected by ops: not that much");
			assertThat(effects(a).count("transfer")).isEqualTo(1);

			AuditLogVerifier.Result chain = JdbcAuditLogVerifier.verify(a.getBean(DataSource.class));
			assertThat(chain.valid()).as(chain.message()).isTrue();
			assertThat(chain.records()).isEqualTo(
					jdbc(b).sql("SELECT count(*) FROM sondera_audit").query(Long.class).single());
			List<String> approval = jdbc(b).sql("SELECT record FROM sondera_audit WHERE record LIKE '%by ops: known payee%'"
					+ " ORDER BY seq")
				.query(String.class)
				.list();
			assertThat(approval).as("the decision on B, then the released call on A").hasSize(2);
			assertThat(approval.get(0)).contains("\"step\": -1")
				.contains("Approval " + request.id() + " approved by ops: known payee (scope once)");
			assertThat(approval.get(1)).contains("Escalation approved by ops: known payee");
		}));
	}

	@Test
	void aConversationApprovalCoversTheSameCallOnAnyInstance() {
		instance(this.url, "10s").run((a) -> instance(this.url, "10s").run((b) -> {
			model(a).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 600}").thenSay("Sent.");
			CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> ask(a, "conv-3"));
			ApprovalRequest request = awaitPending(b);
			b.getBean(SonderaEndpoint.class).decide(request.id(), "approve", "ops", null, "conversation");
			assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("Sent.");
			model(b).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 600}").thenSay("Sent again.");
			assertThat(ask(b, "conv-3")).isEqualTo("Sent again.");
			assertThat(effects(b).log()).containsExactly("transfer:bob=600");
			assertThat(b.getBean(PendingApprovals.class).pending()).isEmpty();
			assertThat(model(b).lastToolResponses()).singleElement().asString().contains("sent 600 to bob");
		}));
	}

	@Test
	void aRequestLeftByARestartedInstanceAndApprovedMeanwhileLetsTheSameCallRun() {
		ApplicationContextRunner shortWait = instance(this.url, "300ms");
		shortWait.run((a) -> {
			model(a).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 700}").thenSay("Waited.");
			assertThat(ask(a, "conv-4")).isEqualTo("Waited.");
			assertThat(effects(a).count("transfer")).isZero();
			assertThat(model(a).lastToolResponses()).singleElement().asString().contains("stays pending");
		});
		instance(this.url, "10s").run((b) -> {
			PendingApprovals pending = b.getBean(PendingApprovals.class);
			assertThat(pending.pending()).singleElement()
				.satisfies((request) -> assertThat(request.arguments()).containsEntry("amount", 700));
			pending.approve(pending.pending().get(0).id(), "ops", "late but fine");
		});
		shortWait.run((restarted) -> {
			model(restarted).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 700}").thenSay("Sent 700.");
			assertThat(ask(restarted, "conv-4")).isEqualTo("Sent 700.");
			assertThat(effects(restarted).log()).containsExactly("transfer:bob=700");
			assertThat(model(restarted).lastToolResponses()).singleElement().asString().contains("sent 700 to bob");
		});
	}

	@Test
	void whileTheDatabaseIsAwayCallsAreDeniedAndAfterwardsTheyRunAgain() {
		try (PostgresServer server = PostgresServer.start(false)) {
			instance(server.createDatabase(), "10s")
				.withPropertyValues("spring.datasource.hikari.connection-timeout=1000")
				.run((a) -> {
					model(a).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 10}").thenSay("Sent.");
					assertThat(ask(a, "conv-5")).isEqualTo("Sent.");
					server.stop();
					// Denied before the model is asked (nothing scripted: a model call would fail).
					assertThat(ask(a, "conv-5")).contains("denied to fail closed").contains("could not be stored");
					assertThat(effects(a).log()).containsExactly("transfer:bob=10");
					server.startServer();
					await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
						model(a).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 30}").thenSay("Sent again.");
						ask(a, "conv-6");
						assertThat(effects(a).log()).contains("transfer:bob=30");
					});
					AuditLogVerifier.Result chain = JdbcAuditLogVerifier.verify(a.getBean(DataSource.class));
					assertThat(chain.valid()).as(chain.message()).isTrue();
				});
		}
	}

	private static ApprovalRequest awaitPending(AssertableApplicationContext context) {
		PendingApprovals pending = context.getBean(PendingApprovals.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> !pending.pending().isEmpty());
		return pending.pending().get(0);
	}

	private static String ask(AssertableApplicationContext context, String conversationId) {
		return context.getBean(ChatClient.Builder.class)
			.build()
			.prompt()
			.user("go")
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
			.tools(context.getBean(BankTools.class))
			.call()
			.content();
	}

	private static JdbcClient jdbc(AssertableApplicationContext context) {
		return JdbcClient.create(context.getBean(DataSource.class));
	}

}
