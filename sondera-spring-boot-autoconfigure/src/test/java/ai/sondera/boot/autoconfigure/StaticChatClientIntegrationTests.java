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
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ai.sondera.boot.autoconfigure.tools.BankTools;
import ai.sondera.boot.autoconfigure.tools.SideEffects;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.spring.ai.test.ScriptedChatModel;

import static ai.sondera.boot.autoconfigure.BankApplication.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chat clients built directly on the model ({@code ChatClient.create(chatModel)},
 * {@code ChatClient.builder(chatModel)}), as in much of Spring AI's documentation, run
 * tools through a private manager: they are guarded at the model boundary.
 */
class StaticChatClientIntegrationTests {

	private final ApplicationContextRunner runner = BankApplication.runner();

	private static final Function<ChatModel, ChatClient> CREATE = ChatClient::create;

	private static final Function<ChatModel, ChatClient> BUILDER = (model) -> ChatClient.builder(model).build();

	@Test
	void deniedCallDoesNotRunAndTheModelIsSteered() {
		for (Function<ChatModel, ChatClient> client : java.util.List.of(CREATE, BUILDER)) {
			this.runner.run((context) -> {
				model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}").thenSay("I could not.");
				assertThat(ask(context, client)).isEqualTo("I could not.");
				assertThat(context.getBean(SideEffects.class).count("transfer")).isZero();
				assertThat(model(context).lastToolResponses()).singleElement()
					.asString()
					.contains("was denied by policy")
					.contains("no-big-transfers");
			});
		}
	}

	@Test
	void allowedCallRunsAndItsResultIsScreened() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"bob\", \"amount\": 50}").thenSay("Sent.");
			assertThat(ask(context, CREATE)).isEqualTo("Sent.");
			assertThat(context.getBean(SideEffects.class).count("transfer")).isEqualTo(1);
			assertThat(model(context).lastToolResponses()).singleElement().asString().contains("sent 50 to bob");
		});
		this.runner.run((context) -> {
			model(context).thenCall("statement", "{}").thenSay("Hidden.");
			assertThat(ask(context, CREATE)).isEqualTo("Hidden.");
			assertThat(model(context).lastToolResponses()).singleElement()
				.asString()
				.doesNotContain("SECRET")
				.contains("Secrets must not reach the model");
		});
	}

	@Test
	void deniedCallThrowsInBlockMode() {
		this.runner.withPropertyValues("sondera.mode=block").run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}");
			assertThatThrownBy(() -> ask(context, CREATE)).isInstanceOf(PolicyViolationException.class)
				.hasMessageContaining("no-big-transfers");
			assertThat(context.getBean(SideEffects.class).count("transfer")).isZero();
		});
	}

	@Test
	void streamedCallsAreScreenedToo() {
		this.runner.run((context) -> {
			model(context).thenCall("transfer", "{\"to\": \"eve\", \"amount\": 5000}")
				.thenCall("transfer", "{\"to\": \"bob\", \"amount\": 5}")
				.thenStream("Sent ", "5 to bob.");
			List<String> chunks = ChatClient.create(context.getBean(ChatModel.class))
				.prompt()
				.user("go")
				.tools(context.getBean(BankTools.class))
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(String.join("", chunks)).isEqualTo("Sent 5 to bob.");
			assertThat(context.getBean(SideEffects.class).log()).containsExactly("transfer:bob=5");
		});
	}

	@Test
	void modelBeanKeepsItsConcreteType() {
		this.runner.run((context) -> assertThat(context.getBean(ChatModel.class)).isInstanceOf(ScriptedChatModel.class));
	}

	private static String ask(AssertableApplicationContext context, Function<ChatModel, ChatClient> client) {
		return client.apply(context.getBean(ChatModel.class))
			.prompt()
			.user("go")
			.tools(context.getBean(BankTools.class))
			.call()
			.content();
	}

}
