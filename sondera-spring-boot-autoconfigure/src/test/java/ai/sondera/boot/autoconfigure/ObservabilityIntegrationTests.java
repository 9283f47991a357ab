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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.sondera.harness.Decision;
import ai.sondera.harness.Stage;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalHandler;

import static ai.sondera.boot.autoconfigure.BankApplication.askWithBankTools;
import static ai.sondera.boot.autoconfigure.BankApplication.effects;
import static ai.sondera.boot.autoconfigure.BankApplication.model;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer observations of adjudications and approvals, and monitor mode.
 */
class ObservabilityIntegrationTests {

	private final ApplicationContextRunner runner = BankApplication.runner().withUserConfiguration(Observations.class);

	@Test
	void everyAdjudicationIsObserved() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("No.");
			askWithBankTools(context);
			List<Observation.Context> adjudications = observed(context, "sondera.adjudication");
			assertThat(adjudications).extracting((observation) -> tag(observation, "stage"))
				.containsExactly("pre_run", "pre_model", "pre_tool", "post_model", "post_run");
			Observation.Context denied = adjudications.get(2);
			assertThat(tag(denied, "decision")).isEqualTo("deny");
			assertThat(tag(denied, "tool")).isEqualTo("transfer");
			assertThat(tag(denied, "agent")).isEqualTo("Bank");
			assertThat(tag(denied, "mode")).isEqualTo("steer");
			assertThat(tag(denied, "enforcement")).isEqualTo("enforce");
			assertThat(denied.getHighCardinalityKeyValue("policies").getValue()).isEqualTo("no-big-transfers");
			assertThat(tag(adjudications.get(0), "tool")).isEqualTo("none");
		});
	}

	@Test
	void countsAndKeysWithTestObservationRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		BankApplication.runner()
			.withUserConfiguration(ApprovingFinance.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				model(context).thenCalls(
						new org.springframework.ai.chat.messages.AssistantMessage.ToolCall("a", "function", "transfer",
								"{\"to\": \"bob\", \"amount\": 10}"),
						new org.springframework.ai.chat.messages.AssistantMessage.ToolCall("b", "function", "transfer",
								"{\"to\": \"eve\", \"amount\": 5000}"),
						new org.springframework.ai.chat.messages.AssistantMessage.ToolCall("c", "function", "transfer",
								"{\"to\": \"bob\", \"amount\": 500}"))
					.thenSay("Done.");
				askWithBankTools(context);
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("sondera.approval", 1)
					.hasObservationWithNameEqualTo("sondera.approval")
					.that()
					.hasLowCardinalityKeyValue("outcome", "approved");
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("sondera.adjudication", 9)
					.hasHandledContextsThatSatisfy((contexts) -> {
						List<Observation.Context> adjudications = contexts.stream()
							.filter((observation) -> "sondera.adjudication".equals(observation.getName()))
							.toList();
						assertThat(adjudications).extracting((observation) -> tag(observation, "decision"))
							.containsOnly("allow", "deny", "escalate")
							.filteredOn("deny"::equals)
							.hasSize(1);
						assertThat(adjudications).filteredOn((observation) -> "escalate".equals(tag(observation, "decision")))
							.singleElement()
							.satisfies((observation) -> assertThat(tag(observation, "tool")).isEqualTo("transfer"));
						assertThat(adjudications).filteredOn((observation) -> "pre_tool".equals(tag(observation, "stage")))
							.hasSize(3);
					});
			});
	}

	@Test
	void escalationsAndApprovalsAreObserved() {
		this.runner.withUserConfiguration(ApprovingFinance.class).run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("Sent.");
			askWithBankTools(context);
			assertThat(observed(context, "sondera.adjudication")).extracting((observation) -> tag(observation, "decision"))
				.contains("escalate");
			assertThat(observed(context, "sondera.approval")).singleElement().satisfies((approval) -> {
				assertThat(tag(approval, "outcome")).isEqualTo("approved");
				assertThat(tag(approval, "route")).isEqualTo("finance");
				assertThat(tag(approval, "tool")).isEqualTo("transfer");
			});
		});
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("Not sent.");
			askWithBankTools(context);
			assertThat(observed(context, "sondera.approval")).singleElement()
				.satisfies((approval) -> assertThat(tag(approval, "outcome")).isEqualTo("no-handler"));
		});
	}

	@Test
	void monitorModeRecordsButNeverBlocks() {
		this.runner.withPropertyValues("sondera.enforcement=monitor").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("Sent.");
			assertThat(askWithBankTools(context)).isEqualTo("Sent.");
			assertThat(effects(context).count("transfer")).isEqualTo(1);
			List<TrajectoryStep> steps = context.getBean(InMemoryTrajectoryStore.class).findAll().get(0).steps();
			assertThat(steps).filteredOn((step) -> step.stage() == Stage.PRE_TOOL)
				.singleElement()
				.satisfies((step) -> assertThat(step.adjudication().decision()).isEqualTo(Decision.DENY));
			Observation.Context denied = observed(context, "sondera.adjudication").get(2);
			assertThat(tag(denied, "decision")).isEqualTo("deny");
			assertThat(tag(denied, "enforcement")).isEqualTo("monitor");
		});
	}

	@Test
	void enforcementCanBeSetPerTool() {
		this.runner.withPropertyValues("sondera.tools.transfer.enforcement=monitor").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("Sent.");
			askWithBankTools(context);
			assertThat(effects(context).count("transfer")).isEqualTo(1);
		});
		this.runner.withPropertyValues("sondera.enforcement=monitor", "sondera.tools.transfer.enforcement=enforce")
			.run((context) -> {
				model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("No.");
				askWithBankTools(context);
				assertThat(effects(context).count("transfer")).isZero();
			});
	}

	private static List<Observation.Context> observed(AssertableApplicationContext context, String name) {
		return context.getBean(Observations.class)
			.stopped
			.stream()
			.filter((observation) -> name.equals(observation.getName()))
			.toList();
	}

	private static String tag(Observation.Context context, String key) {
		KeyValue value = context.getLowCardinalityKeyValue(key);
		return (value != null) ? value.getValue() : null;
	}

	@Configuration(proxyBeanMethods = false)
	static class Observations {

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {
				@Override
				public void onStop(Observation.Context context) {
					Observations.this.stopped.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}
			});
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApprovingFinance {

		@Bean
		ApprovalHandler finance() {
			return (request) -> CompletableFuture.completedFuture(ApprovalDecision.approve("alice", null));
		}

	}

}
