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

package com.example.agent;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import ai.sondera.harness.PolicyViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new Spring Boot application that adds only the starter, a policy file in
 * {@code src/main/resources/policies} and no other Sondera code or configuration.
 */
@SpringBootTest(classes = FreshApplicationTests.ShopApplication.class)
class FreshApplicationTests {

	@Autowired
	ChatClient.Builder builder;

	@Autowired
	ChatModel chatModel;

	@Autowired
	ShopTools shop;

	@Test
	void toolCallsAreUnderPolicyWithNoSetUp() {
		ScriptedModel model = (ScriptedModel) this.chatModel;
		model.script(call("order", "{\"item\": \"apples\", \"quantity\": 500}"), call("order",
				"{\"item\": \"apples\", \"quantity\": 5}"), AssistantMessage.builder().content("Ordered 5.").build());
		String answer = this.builder.build().prompt().user("order apples").tools(new ShopTools()).call().content();
		assertThat(answer).isEqualTo("Ordered 5.");
		assertThat(ShopTools.orders).hasValue(1);
		assertThat(model.toolResults()).anyMatch((result) -> result.contains("Orders over 100 items need a person"));
	}

	@Test
	void directCallsOfToolBeansAreUnderPolicyToo() {
		assertThatThrownBy(() -> this.shop.order("pears", 1000)).isInstanceOf(PolicyViolationException.class);
	}

	private static AssistantMessage call(String tool, String arguments) {
		return AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall("id-" + arguments.hashCode(), "function", tool, arguments)))
			.build();
	}

	@SpringBootApplication
	static class ShopApplication {

		@Bean
		ScriptedModel chatModel() {
			return new ScriptedModel();
		}

		@Bean
		ShopTools shopTools() {
			return new ShopTools();
		}

	}

	public static class ShopTools {

		static final AtomicInteger orders = new AtomicInteger();

		@Tool(description = "Order an item")
		public String order(String item, int quantity) {
			orders.incrementAndGet();
			return "ordered " + quantity + " " + item;
		}

	}

	public static class ScriptedModel implements ChatModel {

		private List<AssistantMessage> next = List.of();

		private final List<String> toolResults = new java.util.concurrent.CopyOnWriteArrayList<>();

		private int turn;

		// Methods, not fields: the bean is a proxy that forwards method calls to this object.
		public void script(AssistantMessage... answers) {
			this.next = List.of(answers);
			this.turn = 0;
		}

		public List<String> toolResults() {
			return this.toolResults;
		}

		@Override
		public ChatResponse call(Prompt prompt) {
			for (Message message : prompt.getInstructions()) {
				if (message instanceof ToolResponseMessage responses) {
					responses.getResponses().forEach((response) -> this.toolResults.add(response.responseData()));
				}
			}
			AssistantMessage answer = (this.turn < this.next.size()) ? this.next.get(this.turn++)
					: AssistantMessage.builder().content("done").build();
			return new ChatResponse(List.of(new Generation(answer)));
		}

		@Override
		public ChatOptions getOptions() {
			return ToolCallingChatOptions.builder().build();
		}

	}

}
