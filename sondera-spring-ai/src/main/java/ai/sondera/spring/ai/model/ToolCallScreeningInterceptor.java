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

package ai.sondera.spring.ai.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import ai.sondera.harness.Harness;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.json.ModelJson;
import ai.sondera.spring.ai.GuardedExecution;
import ai.sondera.spring.ai.SonderaContextKeys;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.ToolCallGuard;
import ai.sondera.spring.ai.verdict.VerdictAction;

/**
 * Screens tool calls at the model boundary, for chat clients whose tools run where no
 * guarded {@code ToolCallingManager} sees them ({@code ChatClient.create(chatModel)} and
 * {@code ChatClient.builder(chatModel)} build a private one). Each tool call the model
 * asks for is adjudicated before the response leaves the model (a streamed turn is held
 * until then); each tool result is adjudicated before the model sees it.
 *
 * <p>
 * A denied call must not run, so the response does not carry it back: in block mode the
 * call throws; in steer mode the model is asked again at once with the denial as the
 * call's result (calls allowed in the same turn are not run then; the model may ask
 * again). A denied result is replaced by the denial before the model sees it. Requests
 * whose tool context carries {@link SonderaContextKeys#TOOLS_GUARDED} (set on auto-configured clients, whose
 * tools are guarded at execution) pass through unscreened, so no step is adjudicated
 * twice.
 *
 * @author Sondera
 */
public class ToolCallScreeningInterceptor implements MethodInterceptor {

	private static final int MAX_STEER_ROUNDS = 3;

	private static final String NOT_RUN = "Not run: another tool call in the same turn was denied by policy. "
			+ "Call it again if you still need it.";

	private final ChatModel target;

	private final Harness harness;

	private final AgentToolCatalog catalog;

	private final ToolCallGuard guard;

	/**
	 * Create an interceptor for one chat model.
	 * @param target the real chat model
	 * @param harness the harness
	 * @param catalog the agent's tools
	 * @param guard the checkpoint
	 */
	public ToolCallScreeningInterceptor(ChatModel target, Harness harness, AgentToolCatalog catalog,
			ToolCallGuard guard) {
		this.target = Objects.requireNonNull(target, "'target' must not be null");
		this.harness = Objects.requireNonNull(harness, "'harness' must not be null");
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.guard = Objects.requireNonNull(guard, "'guard' must not be null");
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		String method = invocation.getMethod().getName();
		if (!("call".equals(method) || "stream".equals(method)) || arguments.length != 1
				|| !(arguments[0] instanceof Prompt prompt)
				|| !(prompt.getOptions() instanceof ToolCallingChatOptions options) || guardedElsewhere(options)) {
			return invocation.proceed();
		}
		if ("stream".equals(method)) {
			return Flux.defer(() -> screenStream(prompt, options)).subscribeOn(Schedulers.boundedElastic());
		}
		return GuardedExecution.run(this.harness, null, () -> this.catalog.include(definitions(options)),
				(trajectory) -> {
					List<Message> messages = screenToolResults(prompt.getInstructions(), trajectory);
					return screen(messages, options, trajectory, this.target.call(new Prompt(messages, options)));
				});
	}

	/**
	 * Screen a streamed turn: hold its chunks, and pass them on only if the tool calls
	 * they carry may run; otherwise go on as for a call.
	 */
	private Flux<ChatResponse> screenStream(Prompt prompt, ToolCallingChatOptions options) {
		return GuardedExecution.run(this.harness, null, () -> this.catalog.include(definitions(options)),
				(trajectory) -> {
					List<Message> messages = screenToolResults(prompt.getInstructions(), trajectory);
					List<ChatResponse> chunks = this.target.stream(new Prompt(messages, options)).collectList().block();
					ChatResponse turn = aggregate((chunks != null) ? chunks : List.of());
					ChatResponse response = screen(messages, options, trajectory, turn);
					return (response == turn) ? Flux.fromIterable(chunks) : Flux.just(response);
				});
	}

	/**
	 * Merge the chunks of a streamed turn into one response: its text and every tool call
	 * (the last chunk of a call wins).
	 */
	private static ChatResponse aggregate(List<ChatResponse> chunks) {
		StringBuilder text = new StringBuilder();
		Map<String, AssistantMessage.ToolCall> calls = new java.util.LinkedHashMap<>();
		for (ChatResponse chunk : chunks) {
			for (Generation generation : chunk.getResults()) {
				AssistantMessage output = generation.getOutput();
				if (output.getText() != null) {
					text.append(output.getText());
				}
				output.getToolCalls().forEach((call) -> calls.put(call.id(), call));
			}
		}
		return new ChatResponse(List.of(new Generation(
				AssistantMessage.builder().content(text.toString()).toolCalls(List.copyOf(calls.values())).build())));
	}

	private ChatResponse screen(List<Message> sent, ToolCallingChatOptions options, Trajectory trajectory,
			ChatResponse first) {
		List<Message> messages = sent;
		ChatResponse response = first;
		for (int round = 0; round < MAX_STEER_ROUNDS; round++) {
			AssistantMessage toolCalls = toolCalls(response);
			if (toolCalls == null) {
				return response;
			}
			List<ToolResponseMessage.ToolResponse> denials = screenToolCalls(toolCalls, trajectory);
			if (denials.isEmpty()) {
				return response;
			}
			messages = new ArrayList<>(messages);
			messages.add(toolCalls);
			messages.add(ToolResponseMessage.builder().responses(denials).build());
			response = this.target.call(new Prompt(messages, options));
		}
		AssistantMessage toolCalls = toolCalls(response);
		if (toolCalls == null || screenToolCalls(toolCalls, trajectory).isEmpty()) {
			return response;
		}
		return new ChatResponse(List.of(new Generation(AssistantMessage.builder()
			.content("I could not complete this: the tools I tried to use were denied by policy.")
			.build())));
	}

	/**
	 * Adjudicate the calls of a turn; return the responses to send back if any was
	 * denied, or an empty list if all may run.
	 */
	private List<ToolResponseMessage.ToolResponse> screenToolCalls(AssistantMessage toolCalls,
			Trajectory trajectory) {
		List<ToolResponseMessage.ToolResponse> responses = new ArrayList<>();
		boolean denied = false;
		for (AssistantMessage.ToolCall call : toolCalls.getToolCalls()) {
			VerdictAction action = this.guard
				.checkCall(call.name(), () -> ModelJson.readArguments(call.arguments()), trajectory)
				.action();
			if (action instanceof VerdictAction.Proceed) {
				responses.add(new ToolResponseMessage.ToolResponse(call.id(), call.name(), NOT_RUN));
			}
			else {
				denied = true;
				responses.add(new ToolResponseMessage.ToolResponse(call.id(), call.name(),
						action.replacement()));
			}
		}
		return denied ? responses : List.of();
	}

	/**
	 * Adjudicate the tool results that end the conversation (the round the model has not
	 * seen yet), replacing denied ones.
	 */
	private List<Message> screenToolResults(List<Message> messages, Trajectory trajectory) {
		if (messages.isEmpty() || !(messages.get(messages.size() - 1) instanceof ToolResponseMessage results)) {
			return messages;
		}
		List<ToolResponseMessage.ToolResponse> screened = new ArrayList<>();
		for (ToolResponseMessage.ToolResponse result : results.getResponses()) {
			VerdictAction action = this.guard.checkResult(result.name(),
					() -> ModelJson.readResult(result.responseData()), Map.of(), trajectory);
			screened.add((action instanceof VerdictAction.Proceed) ? result : new ToolResponseMessage.ToolResponse(
					result.id(), result.name(), action.replacement()));
		}
		List<Message> copy = new ArrayList<>(messages.subList(0, messages.size() - 1));
		copy.add(ToolResponseMessage.builder().responses(screened).metadata(results.getMetadata()).build());
		return copy;
	}

	private static AssistantMessage toolCalls(ChatResponse response) {
		if (response == null) {
			return null;
		}
		for (Generation generation : response.getResults()) {
			if (generation.getOutput().hasToolCalls()) {
				return generation.getOutput();
			}
		}
		return null;
	}

	private static boolean guardedElsewhere(ToolCallingChatOptions options) {
		Map<String, Object> toolContext = options.getToolContext();
		return toolContext != null && Boolean.TRUE.equals(toolContext.get(SonderaContextKeys.TOOLS_GUARDED));
	}

	private static List<org.springframework.ai.tool.definition.ToolDefinition> definitions(
			ToolCallingChatOptions options) {
		List<ToolCallback> tools = options.getToolCallbacks();
		return (tools != null) ? tools.stream().map(ToolCallback::getToolDefinition).toList() : List.of();
	}

}
