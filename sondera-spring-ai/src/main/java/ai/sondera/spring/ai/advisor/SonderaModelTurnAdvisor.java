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

package ai.sondera.spring.ai.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ai.sondera.spring.ai.SonderaContextKeys;
import ai.sondera.spring.ai.verdict.Checkpoint;
import ai.sondera.spring.ai.verdict.VerdictAction;

/**
 * Puts every model turn of a ChatClient call under policy, including the turns inside the
 * tool-calling loop: PRE_MODEL on the request's system and user text (once per call),
 * POST_MODEL on each answer's text. Needs the {@link SonderaConversationAdvisor} on the
 * same client.
 *
 * <p>
 * A denied prompt is never sent: block throws, steer answers with a refusal. A denied
 * answer never reaches the caller: block throws, steer asks the model again with the
 * reason (up to the configured retries), then refuses. Streams are held until the answer
 * is allowed, or, in {@link StreamMode#INCREMENTAL} mode, released chunk by chunk once
 * the text up to each chunk is allowed.
 *
 * @author Sondera
 */
public class SonderaModelTurnAdvisor implements CallAdvisor, StreamAdvisor {

	/** Inside the tool-calling loop, next to the model. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

	private final ModelTurnGuard guard;

	private final StreamMode streamMode;

	private final int chunkSize;

	/**
	 * Create the advisor.
	 * @param guard the checkpoints
	 * @param streamMode how streams are released
	 * @param chunkSize in incremental mode, how many characters are adjudicated at a time
	 */
	public SonderaModelTurnAdvisor(ModelTurnGuard guard, StreamMode streamMode, int chunkSize) {
		this.guard = Objects.requireNonNull(guard, "'guard' must not be null");
		this.streamMode = Objects.requireNonNull(streamMode, "'streamMode' must not be null");
		this.chunkSize = Math.max(1, chunkSize);
	}

	@Override
	public String getName() {
		return "Sondera model turn";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		ConversationCall call = call(request);
		if (call == null) {
			return chain.nextCall(request);
		}
		VerdictAction prompt = checkPromptOnce(call, request);
		if (!(prompt instanceof VerdictAction.Proceed)) {
			return answer(request, prompt.replacement(), null);
		}
		ChatClientRequest current = request;
		ChatClientResponse response = chain.nextCall(current);
		for (int attempt = 0;; attempt++) {
			String text = text(response.chatResponse());
			if (text.isBlank()) {
				return response;
			}
			VerdictAction action = this.guard.checkAnswer(call.trajectory(), text, Checkpoint.answer(attempt));
			if (action instanceof VerdictAction.Proceed) {
				return response;
			}
			if (!(action instanceof VerdictAction.ReAsk reAsk)) {
				return answer(current, action.replacement(), response.chatResponse());
			}
			current = withInstruction(current, reAsk.instruction());
			response = chain.copy(this).nextCall(current);
		}
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		ConversationCall call = call(request);
		if (call == null) {
			return chain.nextStream(request);
		}
		return Flux.defer(() -> {
			VerdictAction prompt = checkPromptOnce(call, request);
			if (!(prompt instanceof VerdictAction.Proceed)) {
				return Flux.just(answer(request, prompt.replacement(), null));
			}
			return (this.streamMode == StreamMode.HOLD) ? hold(request, chain, call, 0)
					: new IncrementalRelease(this.guard, call.trajectory(), this.chunkSize).release(request,
							chain.nextStream(request));
		});
	}

	private Flux<ChatClientResponse> hold(ChatClientRequest request, StreamAdvisorChain chain, ConversationCall call,
			int attempt) {
		Flux<ChatClientResponse> stream = (attempt == 0) ? chain.nextStream(request)
				: chain.copy(this).nextStream(request);
		return stream.collectList().flatMapMany((chunks) -> {
			String text = text(chunks);
			if (text.isBlank()) {
				return Flux.fromIterable(chunks);
			}
			return Mono.fromCallable(() -> this.guard.checkAnswer(call.trajectory(), text, Checkpoint.answer(attempt)))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapMany((action) -> {
					if (action instanceof VerdictAction.Proceed) {
						return Flux.fromIterable(chunks);
					}
					if (action instanceof VerdictAction.ReAsk reAsk) {
						return hold(withInstruction(request, reAsk.instruction()), chain, call, attempt + 1);
					}
					return Flux.just(answer(request, action.replacement(), null));
				});
		});
	}

	private VerdictAction checkPromptOnce(ConversationCall call, ChatClientRequest request) {
		if (!call.promptChecked().compareAndSet(false, true)) {
			return VerdictAction.PROCEED;
		}
		return this.guard.checkPrompt(call.trajectory(), request.prompt().getInstructions());
	}

	private static ConversationCall call(ChatClientRequest request) {
		return (request.context().get(SonderaContextKeys.CALL) instanceof ConversationCall call) ? call : null;
	}

	static String text(ChatResponse response) {
		if (response == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (Generation generation : response.getResults()) {
			if (generation.getOutput().getText() != null) {
				text.append(generation.getOutput().getText());
			}
		}
		return text.toString();
	}

	static String text(List<ChatClientResponse> chunks) {
		StringBuilder text = new StringBuilder();
		chunks.forEach((chunk) -> text.append(text(chunk.chatResponse())));
		return text.toString();
	}

	static ChatClientResponse answer(ChatClientRequest request, String text, ChatResponse replaced) {
		Generation generation = new Generation(AssistantMessage.builder().content(text).build());
		ChatResponse response = (replaced != null)
				? ChatResponse.builder().from(replaced).generations(List.of(generation)).build()
				: new ChatResponse(List.of(generation));
		return ChatClientResponse.builder().chatResponse(response).context(request.context()).build();
	}

	private static ChatClientRequest withInstruction(ChatClientRequest request, String instruction) {
		List<Message> messages = new ArrayList<>(request.prompt().getInstructions());
		messages.add(new UserMessage(instruction));
		return request.mutate().prompt(new Prompt(messages, request.prompt().getOptions())).build();
	}

	/**
	 * How a streamed answer is released.
	 */
	public enum StreamMode {

		/** Hold the whole answer until it is allowed, then emit it. */
		HOLD,

		/**
		 * Adjudicate the text so far every few hundred characters and at the end, and emit
		 * each chunk once the text up to it is allowed.
		 */
		INCREMENTAL

	}

}
