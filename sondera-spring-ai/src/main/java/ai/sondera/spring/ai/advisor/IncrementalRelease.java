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

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ai.sondera.harness.Trajectory;
import ai.sondera.spring.ai.verdict.Checkpoint;
import ai.sondera.spring.ai.verdict.VerdictAction;

/**
 * Releases a streamed answer in steps: the text received so far is adjudicated every
 * {@code chunkSize} characters and once more at the end, and a chunk is emitted only
 * after the text up to and including it was allowed. After a denial nothing more of the
 * answer is emitted: a refusal takes its place (or the stream fails in block mode).
 * One instance serves one stream.
 *
 * @author Sondera
 */
final class IncrementalRelease {

	private final ModelTurnGuard guard;

	private final Trajectory trajectory;

	private final int chunkSize;

	private final StringBuilder text = new StringBuilder();

	private final List<ChatClientResponse> pending = new ArrayList<>();

	private int checkedLength;

	private boolean denied;

	IncrementalRelease(ModelTurnGuard guard, Trajectory trajectory, int chunkSize) {
		this.guard = guard;
		this.trajectory = trajectory;
		this.chunkSize = chunkSize;
	}

	Flux<ChatClientResponse> release(ChatClientRequest request, Flux<ChatClientResponse> stream) {
		return stream.concatMap((chunk) -> {
			if (this.denied) {
				return Flux.empty();
			}
			this.text.append(SonderaModelTurnAdvisor.text(chunk.chatResponse()));
			this.pending.add(chunk);
			return (this.text.length() - this.checkedLength >= this.chunkSize) ? check(request) : Flux.empty();
		}).concatWith(Flux.defer(() -> this.denied ? Flux.empty() : check(request)));
	}

	private Flux<ChatClientResponse> check(ChatClientRequest request) {
		String sofar = this.text.toString();
		if (sofar.length() == this.checkedLength || sofar.isBlank()) {
			return drain();
		}
		return Mono.fromCallable(() -> this.guard.checkAnswer(this.trajectory, sofar, Checkpoint.releasedAnswer()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany((action) -> {
				if (action instanceof VerdictAction.Proceed) {
					this.checkedLength = sofar.length();
					return drain();
				}
				return deny(request, action);
			});
	}

	private Flux<ChatClientResponse> drain() {
		List<ChatClientResponse> released = new ArrayList<>(this.pending);
		this.pending.clear();
		return Flux.fromIterable(released);
	}

	private Flux<ChatClientResponse> deny(ChatClientRequest request, VerdictAction action) {
		this.denied = true;
		this.pending.clear();
		return Flux.just(SonderaModelTurnAdvisor.answer(request, action.replacement(), null));
	}

}
