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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ai.sondera.boot.autoconfigure.actuate.SonderaEndpoint;
import ai.sondera.boot.autoconfigure.actuate.SonderaHealthIndicator;
import ai.sondera.harness.audit.AuditLogVerifier;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.spring.ai.approval.PendingApprovals;

import static ai.sondera.boot.autoconfigure.BankApplication.askWithBankTools;
import static ai.sondera.boot.autoconfigure.BankApplication.effects;
import static ai.sondera.boot.autoconfigure.BankApplication.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Running in production: policy files reloaded without a restart, the {@code sondera}
 * actuator endpoint and the health indicator.
 */
class OperationsIntegrationTests {

	private static final String ALLOW_ALL = "@id(\"allow-all\") permit(principal, action, resource);\n";

	@TempDir
	Path policies;

	private ApplicationContextRunner runner() throws Exception {
		Files.writeString(this.policies.resolve("bank.cedar"), ALLOW_ALL);
		return BankApplication.runner(SonderaActuatorAutoConfiguration.class)
			.withPropertyValues("sondera.cedar.policies=" + this.policies.toUri(),
					"sondera.cedar.reload.interval=100ms", "management.endpoints.web.exposure.include=sondera");
	}

	@Test
	void changedPolicyFilesApplyWithoutARestart() throws Exception {
		runner().run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("ok");
			askWithBankTools(context);
			assertThat(effects(context).count("transfer")).isEqualTo(1);
			Files.writeString(this.policies.resolve("bank.cedar"), ALLOW_ALL + """
					@id("no-eve") forbid(principal, action == Bank::Action::"transfer", resource)
					when { context.parameters.to == "eve" };
					""");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(CedarPolicyHarness.class).policyVersion() == 2);
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("ok");
			askWithBankTools(context);
			assertThat(effects(context).count("transfer")).isEqualTo(1);
		});
	}

	@Test
	void invalidChangeKeepsTheLastGoodSetAndShowsInHealth() throws Exception {
		runner().run((context) -> {
			Files.writeString(this.policies.resolve("bank.cedar"), ALLOW_ALL + """
					@id("typo") forbid(principal, action == Bank::Action::"trasnfer", resource);
					""");
			SonderaHealthIndicator indicator = context.getBean(SonderaHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getDetails().containsKey("reloadError"));
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("reloadError").toString()).contains("policy 'typo'")
				.contains("bank.cedar:2");
			assertThat(health.getDetails().get("policyVersion")).isEqualTo(1L);
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("ok");
			askWithBankTools(context);
			assertThat(effects(context).count("transfer")).isEqualTo(1);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointDescribesTheHarnessAndDecidesPendingApprovals() throws Exception {
		Files.writeString(this.policies.resolve("bank.cedar"), ALLOW_ALL + """
				@id("approve-transfers") @escalate @reason("Transfers need approval")
				forbid(principal, action == Bank::Action::"transfer", resource) when { context.parameters.amount > 1 };
				""");
		BankApplication.runner(SonderaActuatorAutoConfiguration.class)
			.withPropertyValues("sondera.cedar.policies=" + this.policies.toUri(),
					"management.endpoints.web.exposure.include=sondera", "sondera.approval.pending.enabled=true",
					"sondera.approval.timeout=10s")
			.run((context) -> {
				SonderaEndpoint endpoint = context.getBean(SonderaEndpoint.class);
				PendingApprovals pending = context.getBean(PendingApprovals.class);
				CompletableFuture.runAsync(() -> {
					await().atMost(Duration.ofSeconds(10)).until(() -> !pending.pending().isEmpty());
					Map<String, Object> described = endpoint.sondera();
					assertThat((List<Object>) described.get("pendingApprovals")).hasSize(1);
					endpoint.decide(pending.pending().get(0).id(), "approve", "ops", "fine", null);
				});
				model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 5}").thenSay("Sent.");
				assertThat(askWithBankTools(context)).isEqualTo("Sent.");
				assertThat(effects(context).count("transfer")).isEqualTo(1);

				Map<String, Object> described = endpoint.sondera();
				assertThat((Map<String, Object>) described.get("agent")).containsEntry("name", "Bank");
				assertThat((Map<String, Object>) described.get("schema")).containsKey("Bank");
				assertThat(described.get("policyVersion")).isEqualTo(1L);
				List<Map<String, Object>> policies = (List<Map<String, Object>>) described.get("policies");
				assertThat(policies).extracting((policy) -> policy.get("id"))
					.containsExactly("allow-all", "approve-transfers");
				assertThat(policies.get(1)).containsEntry("escalate", true)
					.containsEntry("description", "Transfers need approval");
				assertThat(policies.get(1).get("source").toString()).endsWith("bank.cedar:2");
				assertThat(policies.get(1).get("sha256").toString()).hasSize(64);
				assertThat((Map<String, Object>) described.get("decisions")).containsEntry("escalate", 1L);
			});
	}

	@Test
	void everyDecisionIsInTheAuditLogBeforeTheToolRuns() throws Exception {
		Path audit = this.policies.resolve("audit");
		runner().withPropertyValues("sondera.audit.path=" + audit).run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 5}").thenSay("ok");
			askWithBankTools(context);
			Path file = audit.resolve(FileAuditLog.FILE_NAME);
			AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
			assertThat(result.valid()).isTrue();
			assertThat(result.records()).isEqualTo(6);
			assertThat(Files.readString(file)).contains("\"stage\": \"pre_tool\", \"tool\": \"transfer\", \"decision\": \"allow\"");
		});
	}

}
