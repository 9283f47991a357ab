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
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.sondera.boot.autoconfigure.tools.AuditTools;
import ai.sondera.boot.autoconfigure.tools.BankTools;
import ai.sondera.boot.autoconfigure.tools.ShellTools;
import ai.sondera.boot.autoconfigure.tools.SideEffects;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryRecord;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;
import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalHandler;
import ai.sondera.spring.ai.approval.PendingApprovals;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;
import ai.sondera.spring.ai.verdict.VerdictAction;
import ai.sondera.spring.ai.verdict.VerdictHandler;
import ai.sondera.spring.ai.test.ScriptedChatModel;

import static ai.sondera.boot.autoconfigure.BankApplication.effects;
import static ai.sondera.boot.autoconfigure.BankApplication.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every tool call of a real {@link ChatClient} under policy, in a real Spring Boot
 * context with Spring AI's auto-configuration; only the model is scripted.
 */
class ToolCallPolicyIntegrationTests {

	private final ApplicationContextRunner runner = BankApplication.runner().withUserConfiguration(Directory.class);

	@Test
	void allowedCallRuns() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("Sent.");
			assertThat(ask(context, bank(context))).isEqualTo("Sent.");
			assertThat(effects(context).count("transfer")).isEqualTo(1);
			assertThat(model(context).lastToolResponses()).singleElement().asString().contains("sent 50 to bob");
		});
	}

	@Test
	void deniedCallIsSteeredByDefault() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("I could not.");
			assertThat(ask(context, bank(context))).isEqualTo("I could not.");
			assertThat(effects(context).count("transfer")).isZero();
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.contains("Tool call 'transfer' was denied by policy")
				.contains("[no-big-transfers] Transfers over 1000 are not allowed")
				.contains("choose a different approach");
		});
	}

	@Test
	void streamingCallsAreGuardedToo() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}")
				.thenCall("transfer", "{\"to\": \"bob\", \"amount\": 5}")
				.thenSay("Sent 5 instead.");
			List<String> chunks = context.getBean(ChatClient.Builder.class)
				.build()
				.prompt()
				.user("go")
				.tools(bank(context))
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(String.join("", chunks)).isEqualTo("Sent 5 instead.");
			assertThat(effects(context).log()).containsExactly("transfer:bob=5");
		});
	}

	@Test
	void deniedCallIsBlockedInBlockMode() {
		this.runner.withPropertyValues("sondera.mode=block").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}");
			assertThatThrownBy(() -> ask(context, bank(context))).isInstanceOf(PolicyViolationException.class)
				.hasMessageContaining("no-big-transfers")
				.satisfies((ex) -> assertThat(((PolicyViolationException) ex).getAdjudication().decision())
					.isEqualTo(Decision.DENY));
			assertThat(effects(context).count("transfer")).isZero();
		});
	}

	@Test
	void perToolPropertyOverridesTheGlobalMode() {
		this.runner.withPropertyValues("sondera.tools.transfer.mode=block").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}");
			assertThatThrownBy(() -> ask(context, bank(context))).isInstanceOf(PolicyViolationException.class);
		});
	}

	@Test
	void toolPolicyAnnotationSetsTheToolsMode() {
		this.runner.run((context) -> {
			model(context).thenCall("run", "{\"command\": \"rm -rf /\"}");
			assertThatThrownBy(() -> ask(context, new ShellTools(effects(context))))
				.isInstanceOf(PolicyViolationException.class)
				.hasMessageContaining("No deleting files");
			assertThat(effects(context).count("run")).isZero();
		});
		this.runner.withPropertyValues("sondera.tools.run.mode=steer").run((context) -> {
			model(context).thenCall("run", "{\"command\": \"rm -rf /\"}").thenSay("ok");
			assertThat(ask(context, new ShellTools(effects(context)))).isEqualTo("ok");
			assertThat(effects(context).count("run")).isZero();
		});
	}

	@Test
	void escalationApprovedRunsTheToolAndIsRecorded() {
		this.runner.withUserConfiguration(ApprovingFinance.class).run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("Sent after approval.");
			assertThat(ask(context, bank(context))).isEqualTo("Sent after approval.");
			assertThat(effects(context).count("transfer")).isEqualTo(1);
			List<TrajectoryStep> steps = steps(context);
			assertThat(steps).extracting(TrajectoryStep::stage, (step) -> step.adjudication().decision())
				.containsExactly(tuple(Stage.PRE_RUN, Decision.ALLOW), tuple(Stage.PRE_MODEL, Decision.ALLOW),
						tuple(Stage.PRE_TOOL, Decision.ESCALATE), tuple(Stage.PRE_TOOL, Decision.ALLOW),
						tuple(Stage.POST_TOOL, Decision.ALLOW), tuple(Stage.POST_MODEL, Decision.ALLOW),
						tuple(Stage.POST_RUN, Decision.ALLOW));
			assertThat(steps.get(3).role()).isEqualTo(Role.SYSTEM);
			assertThat(steps.get(3).adjudication().reason()).contains("approved by finance-bot: known payee");
		});
	}

	@Test
	void escalationRejectedByTheReadmeHandlerIsDenied() {
		this.runner.withUserConfiguration(ApprovingFinance.class).run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"mallory\", \"amount\": 500}").thenSay("Not sent.");
			ask(context, bank(context));
			assertThat(effects(context).count("transfer")).isZero();
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.contains("rejected by finance-bot: unknown payee");
		});
	}

	@Test
	void escalationRejectedIsDenied() {
		this.runner.withUserConfiguration(RejectingFinance.class).run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("Not sent.");
			ask(context, bank(context));
			assertThat(effects(context).count("transfer")).isZero();
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.contains("rejected by carol: over budget");
		});
	}

	@Test
	void escalationThatTimesOutIsDenied() {
		this.runner.withUserConfiguration(PendingApprovalsEnabled.class)
			.withPropertyValues("sondera.approval.pending.enabled=true", "sondera.approval.timeout=200ms")
			.run((context) -> {
				model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("Timed out.");
				ask(context, bank(context));
				assertThat(effects(context).count("transfer")).isZero();
				assertThat(model(context).lastToolResponses()).singleElement()
					.asString()
					.contains("no decision")
					.contains("within PT0.2S");
				assertThat(context.getBean(PendingApprovals.class).pending()).as("the request stays, pending")
					.singleElement()
					.satisfies((request) -> assertThat(request.arguments()).containsEntry("amount", 500));
			});
	}

	@Test
	void pendingApprovalCanBeCompletedByIdFromElsewhere() {
		this.runner.withPropertyValues("sondera.approval.pending.enabled=true", "sondera.approval.timeout=10s")
			.run((context) -> {
				PendingApprovals pending = context.getBean(PendingApprovals.class);
				CompletableFuture.runAsync(() -> {
					while (pending.pending().isEmpty()) {
						Thread.onSpinWait();
					}
					pending.approve(pending.pending().get(0).id(), "dave", null);
				});
				model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("Sent.");
				assertThat(ask(context, bank(context))).isEqualTo("Sent.");
				assertThat(effects(context).count("transfer")).isEqualTo(1);
			});
	}

	@Test
	void escalationWithoutHandlerIsDenied() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 500}").thenSay("No.");
			ask(context, bank(context));
			assertThat(effects(context).count("transfer")).isZero();
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.contains("no ApprovalHandler")
				.contains("'finance'");
		});
	}

	@Test
	void deniedResultNeverReachesTheModel() {
		this.runner.run((context) -> {
			model(context).thenCall("statement", "{}").thenSay("Hidden.");
			ask(context, bank(context));
			assertThat(effects(context).count("statement")).isEqualTo(1);
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.doesNotContain("SECRET")
				.contains("Secrets must not reach the model");
		});
		this.runner.withPropertyValues("sondera.mode=block").run((context) -> {
			model(context).thenCall("statement", "{}");
			assertThatThrownBy(() -> ask(context, bank(context))).isInstanceOf(PolicyViolationException.class)
				.hasMessageContaining("POST_TOOL");
		});
	}

	@Test
	void twoToolCallsInOneResponseAreJudgedEachOnItsOwn() {
		this.runner.run((context) -> {
			model(context)
				.thenCalls(new ToolCall("a", "function", "transfer", "{\"to\": \"bob\", \"amount\": 10}"),
						new ToolCall("b", "function", "transfer", "{\"to\": \"eve\", \"amount\": 9000}"))
				.thenSay("One of two.");
			ask(context, bank(context));
			assertThat(effects(context).log()).containsExactly("transfer:bob=10");
			assertThat(model(context).lastToolResponses()).hasSize(2);
			assertThat(model(context).lastToolResponses().get(1)).contains("denied by policy");
		});
	}

	@Test
	void everyWayOfGivingAClientToolsIsGuarded() {
		this.runner.run((context) -> {
			SideEffects effects = effects(context);
			ChatClient client = context.getBean(ChatClient.Builder.class)
				.defaultTools(new AuditTools(effects))
				.build();
			ScriptedChatModel model = model(context);
			// @Tool methods on a Spring bean
			model.thenCall("transfer", "{\"to\": \"bob\", \"amount\": 5000}").thenSay("x");
			client.prompt().user("go").tools(bank(context)).call().content();
			// @Tool methods on a plain object
			model.thenCall("run", "{\"command\": \"ls\"}").thenSay("x");
			client.prompt().user("go").tools(new ShellTools(effects)).call().content();
			// a FunctionToolCallback known only at request time
			model.thenCall("weather", "{\"city\": \"Mars\"}").thenSay("x");
			client.prompt().user("go").tools(weather(effects)).call().content();
			model.thenCall("weather", "{\"city\": \"Paris\"}").thenSay("x");
			client.prompt().user("go").tools(weather(effects)).call().content();
			// a ToolCallbackProvider bean, the way MCP tools arrive
			model.thenCall("lookup", "{\"name\": \"admin\"}").thenSay("x");
			client.prompt().user("go").tools(context.getBean(ToolCallbackProvider.class)).call().content();
			model.thenCall("lookup", "{\"name\": \"ann\"}").thenSay("x");
			client.prompt().user("go").tools(context.getBean(ToolCallbackProvider.class)).call().content();
			// default tools of the builder
			model.thenCall("audit", "{\"user\": \"root\"}").thenSay("x");
			client.prompt().user("go").call().content();
			model.thenCall("audit", "{\"user\": \"ann\"}").thenSay("x");
			client.prompt().user("go").call().content();

			assertThat(effects.log()).containsExactly("run:ls", "weather:Paris", "lookup:ann", "audit:ann");
		});
	}

	@Test
	void toolsResolvedByNameAreGuardedAndNeverAddedWhenSpringAiWouldNotResolveThem() {
		this.runner.withUserConfiguration(WeatherBean.class).run((context) -> {
			model(context).thenCall("weather", "{\"city\": \"Paris\"}");
			assertThatThrownBy(() -> ask(context)).hasMessageContaining("No ToolCallback found for tool name: weather");
			assertThat(effects(context).count("weather")).isZero();
		});
		this.runner.withUserConfiguration(WeatherBean.class)
			.withPropertyValues("spring.ai.tools.resolution.fallback.enabled=true")
			.run((context) -> {
				model(context).thenCall("weather", "{\"city\": \"Mars\"}").thenCall("weather", "{\"city\": \"Rome\"}")
					.thenSay("x");
				ask(context);
				assertThat(effects(context).log()).containsExactly("weather:Rome");
			});
	}

	@Test
	void unreadableArgumentsAreDenied() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{not json").thenSay("x");
			ask(context, bank(context));
			assertThat(effects(context).count("transfer")).isZero();
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.contains("not a JSON object");
		});
	}

	@Test
	void requestTimeToolThatBreaksThePoliciesIsDenied() {
		this.runner.run((context) -> {
			SideEffects effects = effects(context);
			ToolCallback reserved = FunctionToolCallback.builder("Prompt", (WeatherRequest request) -> {
				effects.record("Prompt", request.city());
				return "ok";
			}).description("A tool whose name Cedar reserves").inputType(WeatherRequest.class).build();
			model(context).thenCall("Prompt", "{\"city\": \"Paris\"}").thenSay("x");
			ask(context, reserved);
			assertThat(effects.count("Prompt")).isZero();
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.contains("is not under policy")
				.contains("reserved");
		});
	}

	@Test
	void harnessFailureDeniesUnlessFailOpen() {
		this.runner.withUserConfiguration(BrokenStore.class).run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("x");
			assertThat(ask(context, bank(context)))
				.contains("Policy check failed, denied to fail closed: java.io.IOException: disk full");
			assertThat(model(context).prompts()).isEmpty();
			assertThat(effects(context).count("transfer")).isZero();
		});
		this.runner.withUserConfiguration(BrokenStore.class).withPropertyValues("sondera.fail-open=true").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("x");
			ask(context, bank(context));
			assertThat(effects(context).count("transfer")).isEqualTo(1);
		});
	}

	@Test
	void storageThatCannotOpenATrajectoryDeniesLikeAPolicy() {
		this.runner.withUserConfiguration(UnopenableStore.class).run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("x");
			assertThat(ask(context, bank(context))).contains("denied to fail closed")
				.contains("could not be stored")
				.contains(context.getBean(UnopenableStore.class).root.toString());
			assertThat(model(context).prompts()).isEmpty();
			assertThat(effects(context).count("transfer")).isZero();
		});
		this.runner.withUserConfiguration(UnopenableStore.class).withPropertyValues("sondera.mode=block").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("x");
			assertThatThrownBy(() -> ask(context, bank(context))).isInstanceOf(PolicyViolationException.class)
				.hasMessageContaining("could not be stored");
			assertThat(model(context).prompts()).isEmpty();
			assertThat(effects(context).count("transfer")).isZero();
		});
		this.runner.withUserConfiguration(UnopenableStore.class).withPropertyValues("sondera.fail-open=true").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("x");
			ask(context, bank(context));
			assertThat(effects(context).count("transfer")).isEqualTo(1);
		});
	}

	@Test
	void verdictHandlerBeanFromTheReadmeReplacesTheDefault() {
		this.runner.withUserConfiguration(OwnVerdictHandler.class).run((context) -> {
			assertThat(context).hasSingleBean(VerdictHandler.class).doesNotHaveBean(DefaultVerdictHandler.class);
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 5000}");
			assertThatThrownBy(() -> ask(context, bank(context))).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("Transfer refused: Denied by policies:");
			assertThat(effects(context).count("transfer")).isZero();
			model(context).thenCall("statement", "{}").thenSay("x");
			assertThat(ask(context, bank(context))).isEqualTo("x");
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.contains("was denied by policy")
				.contains("[no-secrets]");
		});
	}

	private static String ask(AssertableApplicationContext context, Object... tools) {
		return context.getBean(ChatClient.Builder.class).build().prompt().user("go").tools(tools).call().content();
	}

	private static BankTools bank(AssertableApplicationContext context) {
		return context.getBean(BankTools.class);
	}

	private static List<TrajectoryStep> steps(AssertableApplicationContext context) {
		List<StoredTrajectory> trajectories = context.getBean(InMemoryTrajectoryStore.class).findAll();
		assertThat(trajectories).hasSize(1);
		return trajectories.get(0).steps();
	}

	static ToolCallback weather(SideEffects effects) {
		return FunctionToolCallback.builder("weather", (WeatherRequest request) -> {
			effects.record("weather", request.city());
			return "sunny";
		}).description("Weather of a city").inputType(WeatherRequest.class).build();
	}

	record WeatherRequest(String city) {
	}

	record LookupRequest(String name) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Directory {

		@Bean
		ToolCallbackProvider directory(SideEffects effects) {
			return ToolCallbackProvider.from(FunctionToolCallback.builder("lookup", (LookupRequest request) -> {
				effects.record("lookup", request.name());
				return "found " + request.name();
			}).description("Look a person up").inputType(LookupRequest.class).build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApprovingFinance {

		// The approval handler of README.md
		@Bean
		ApprovalHandler finance() {
			return (request) -> CompletableFuture.completedFuture(
					request.arguments().get("to").equals("bob")
							? ApprovalDecision.approve("finance-bot", "known payee")
							: ApprovalDecision.reject("finance-bot", "unknown payee"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RejectingFinance {

		@Bean
		ApprovalHandler finance() {
			return (request) -> CompletableFuture.completedFuture(ApprovalDecision.reject("carol", "over budget"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WeatherBean {

		@Bean
		ToolCallback weatherTool(SideEffects effects) {
			return weather(effects);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenStore {

		@Bean
		TrajectoryStore brokenStore() {
			return new InMemoryTrajectoryStore() {
				@Override
				public void append(TrajectoryRecord record, long stepIndex, TrajectoryStep step) {
					throw new UncheckedIOException(new IOException("disk full"));
				}
			};
		}

	}

	/**
	 * A real file store whose directory was replaced by a file.
	 */
	@Configuration(proxyBeanMethods = false)
	static class UnopenableStore {

		final java.nio.file.Path root;

		UnopenableStore() throws IOException {
			this.root = java.nio.file.Files.createTempFile("sondera-store", ".notadirectory");
			this.root.toFile().deleteOnExit();
		}

		@Bean
		TrajectoryStore fileStoreOnAFile() {
			return new ai.sondera.harness.store.FileTrajectoryStore(this.root);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnVerdictHandler {

		// README snippet start
		@Bean
		VerdictHandler verdictHandler() {
			DefaultVerdictHandler defaults = new DefaultVerdictHandler();
			return (checkpoint, verdict, enforcement) -> {
				if (!verdict.isAllowed() && !enforcement.monitor() && "transfer".equals(checkpoint.tool())) {
					return new VerdictAction.Reject(new IllegalStateException("Transfer refused: " + verdict.reason()));
				}
				return defaults.handle(checkpoint, verdict, enforcement);
			};
		}
		// README snippet end

	}

	@Configuration(proxyBeanMethods = false)
	static class PendingApprovalsEnabled {

	}

}
