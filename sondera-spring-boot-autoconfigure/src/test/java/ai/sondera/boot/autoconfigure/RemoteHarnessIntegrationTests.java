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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.Harness;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.grpc.BearerTokenInterceptor;
import ai.sondera.harness.grpc.HarnessGrpcService;
import ai.sondera.harness.grpc.RemoteHarness;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.store.InMemoryTrajectoryStore;

import static ai.sondera.boot.autoconfigure.BankApplication.askWithBankTools;
import static ai.sondera.boot.autoconfigure.BankApplication.effects;
import static ai.sondera.boot.autoconfigure.BankApplication.model;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code sondera.remote.enabled=true} the application's decisions come from a real
 * gRPC harness server; tool guarding and steering stay as with the local harness.
 */
class RemoteHarnessIntegrationTests {

	private Server server;

	@BeforeEach
	void startServer() throws IOException {
		InMemoryTrajectoryStore store = new InMemoryTrajectoryStore();
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(PolicySource.fromPath(Path.of("src/test/resources/it")))
			.store(store)
			.build();
		this.server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
			.addService(ServerInterceptors.intercept(new HarnessGrpcService(harness, store),
					new BearerTokenInterceptor(List.of("team-token"), null)))
			.build()
			.start();
	}

	@AfterEach
	void stopServer() {
		this.server.shutdownNow();
	}

	@Test
	void decisionsComeFromTheRemoteHarness() {
		BankApplication.runner(SonderaRemoteHarnessAutoConfiguration.class)
			.withPropertyValues("sondera.remote.endpoint=localhost:" + this.server.getPort(),
					"sondera.remote.api-token=team-token", "sondera.remote.secure=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(Harness.class).hasSingleBean(RemoteHarness.class);
				model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 5000}")
					.thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}")
					.thenSay("sent 50");
				assertThat(askWithBankTools(context)).isEqualTo("sent 50");
				assertThat(effects(context).count("transfer")).isEqualTo(1);
				assertThat(model(context).prompts().get(1).getInstructions().toString())
					.contains("[no-big-transfers] Transfers over 1000 are not allowed");
			});
	}

	@Test
	void escalationsBlocksAndResultsGoThroughTheRemoteHarnessToo() {
		BankApplication.runner(SonderaRemoteHarnessAutoConfiguration.class)
			.withUserConfiguration(ApprovesSmallAmounts.class)
			.withPropertyValues("sondera.remote.enabled=true", "sondera.remote.endpoint=localhost:" + this.server.getPort(),
					"sondera.remote.api-token=team-token", "sondera.remote.secure=false",
					"sondera.tools.statement.mode=block")
			.run((context) -> {
				model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 200}")
					.thenCall("transfer", "{\"to\": \"eve\", \"amount\": 900}")
					.thenSay("done");
				assertThat(askWithBankTools(context)).isEqualTo("done");
				assertThat(effects(context).count("transfer")).isEqualTo(1);
				assertThat(model(context).lastToolResponses()).hasSize(2)
					.anyMatch((result) -> result.contains("sent 200 to bob"))
					.anyMatch((result) -> result.contains("Escalation rejected by finance")
							&& result.contains("(escalate: finance)"));
				model(context).thenCall("statement", "{}").thenSay("x");
				org.assertj.core.api.Assertions.assertThatThrownBy(() -> askWithBankTools(context))
					.isInstanceOf(ai.sondera.harness.PolicyViolationException.class)
					.hasMessageContaining("[no-secrets]");
			});
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class ApprovesSmallAmounts {

		@org.springframework.context.annotation.Bean
		ai.sondera.spring.ai.approval.ApprovalHandler finance() {
			return (request) -> java.util.concurrent.CompletableFuture.completedFuture(
					((Number) request.arguments().get("amount")).intValue() < 500
							? ai.sondera.spring.ai.approval.ApprovalDecision.approve("finance", null)
							: ai.sondera.spring.ai.approval.ApprovalDecision.reject("finance", null));
		}

	}

	@Test
	void remoteCanBeTurnedOffEvenWithAnEndpoint() {
		BankApplication.runner(SonderaRemoteHarnessAutoConfiguration.class)
			.withPropertyValues("sondera.remote.enabled=false", "sondera.remote.endpoint=localhost:1")
			.run((context) -> assertThat(context).hasSingleBean(Harness.class).doesNotHaveBean(RemoteHarness.class));
	}

	@Test
	void unreadableTrustedCertificatesStopStartupNamingTheFile() {
		BankApplication.runner(SonderaRemoteHarnessAutoConfiguration.class)
			.withPropertyValues("sondera.remote.endpoint=localhost:1", "sondera.remote.api-token=token",
					"sondera.remote.trust-certificates=/no/such/ca.pem")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("Could not read the trusted certificates /no/such/ca.pem");
			});
	}

	@Test
	void anUnusableRemoteHarnessStopsStartupWithWhatToCheck() {
		BankApplication.runner(SonderaRemoteHarnessAutoConfiguration.class)
			.withPropertyValues("sondera.remote.enabled=true", "sondera.remote.endpoint=localhost:" + this.server.getPort(),
					"sondera.remote.api-token=wrong-token", "sondera.remote.secure=false")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("The remote harness at localhost:" + this.server.getPort()
							+ " cannot be used: UNAUTHENTICATED")
					.hasStackTraceContaining("sondera.remote.fail-fast=false");
			});
	}

}
