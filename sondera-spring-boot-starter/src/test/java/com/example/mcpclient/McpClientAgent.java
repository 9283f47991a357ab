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
package com.example.mcpclient;

import java.util.List;
import java.util.Map;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An agent whose tools come from a remote MCP server: its model asks for {@code echo}
 * once, then reports what the tool answered.
 */
@SpringBootApplication
public class McpClientAgent {

	@Bean
	ChatModel chatModel() {
		return new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				Object last = prompt.getInstructions().get(prompt.getInstructions().size() - 1);
				AssistantMessage answer = (last instanceof ToolResponseMessage results)
						? AssistantMessage.builder().content("tool said: " + results.getResponses().get(0).responseData())
							.build()
						: AssistantMessage.builder()
							.content("")
							.toolCalls(List.of(new AssistantMessage.ToolCall("call-1", "function", "echo",
									"{\"text\": \"from the agent\"}")))
							.build();
				return new ChatResponse(List.of(new Generation(answer)));
			}

			@Override
			public ChatOptions getOptions() {
				return ToolCallingChatOptions.builder().toolContext(Map.of()).build();
			}

		};
	}

}
