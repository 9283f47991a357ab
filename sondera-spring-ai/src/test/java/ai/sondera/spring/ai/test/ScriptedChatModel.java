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

package ai.sondera.spring.ai.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The only test double: a language model that answers from a script of assistant
 * messages (tool calls or text) and remembers every prompt it was sent. Shared with the
 * auto-configuration tests through this module's test jar.
 */
public class ScriptedChatModel implements ChatModel {

	private final Deque<List<AssistantMessage>> script = new ArrayDeque<>();

	private final List<Prompt> prompts = new CopyOnWriteArrayList<>();

	public ScriptedChatModel then(AssistantMessage message) {
		this.script.add(List.of(message));
		return this;
	}

	/**
	 * Answer with text that streams in several chunks (one message when called).
	 */
	public ScriptedChatModel thenStream(String... chunks) {
		this.script.add(java.util.Arrays.stream(chunks)
			.map((chunk) -> AssistantMessage.builder().content(chunk).build())
			.toList());
		return this;
	}

	public ScriptedChatModel thenCall(String tool, String arguments) {
		return thenCalls(new AssistantMessage.ToolCall("call-" + this.script.size(), "function", tool, arguments));
	}

	public ScriptedChatModel thenCalls(AssistantMessage.ToolCall... calls) {
		return then(AssistantMessage.builder().content("").toolCalls(List.of(calls)).build());
	}

	public ScriptedChatModel thenSay(String text) {
		return then(AssistantMessage.builder().content(text).build());
	}

	public List<Prompt> prompts() {
		return this.prompts;
	}

	/**
	 * Return what the tools answered in the last prompt (the model's view of the tool
	 * results).
	 */
	public List<String> lastToolResponses() {
		Prompt last = this.prompts.get(this.prompts.size() - 1);
		List<String> responses = new java.util.ArrayList<>();
		for (Message message : last.getInstructions()) {
			if (message instanceof ToolResponseMessage toolResponses) {
				toolResponses.getResponses().forEach((response) -> responses.add(response.responseData()));
			}
		}
		return responses;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		List<AssistantMessage> next = next(prompt);
		if (next.size() == 1) {
			return new ChatResponse(List.of(new Generation(next.get(0))));
		}
		String text = next.stream().map(AssistantMessage::getText).collect(java.util.stream.Collectors.joining());
		return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content(text).build())));
	}

	/**
	 * Streams each scripted chunk as its own response, on another thread, as real
	 * streaming clients do.
	 */
	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> Flux.fromIterable(next(prompt)))
			.map((chunk) -> new ChatResponse(List.of(new Generation(chunk))))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private List<AssistantMessage> next(Prompt prompt) {
		this.prompts.add(prompt);
		List<AssistantMessage> next = this.script.poll();
		return (next != null) ? next : List.of(AssistantMessage.builder().content("done").build());
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

}
