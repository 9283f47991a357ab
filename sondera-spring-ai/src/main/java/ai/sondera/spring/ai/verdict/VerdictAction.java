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
package ai.sondera.spring.ai.verdict;

import java.util.Objects;

/**
 * What a verdict turns into at a checkpoint, as decided by a {@link VerdictHandler}.
 *
 * @author Sondera
 */
public sealed interface VerdictAction {

	/** Go on: run the tool, pass the result, send the prompt, release the answer. */
	Proceed PROCEED = new Proceed();

	/**
	 * Carry out an action that does not proceed where only text can take the place of
	 * the denied thing (a tool result, a model answer): the message of a
	 * {@link Replace}, the instruction of a {@link ReAsk}, or the exception of a
	 * {@link Reject}, thrown.
	 * @return the text that takes the place of the denied thing
	 * @throws RuntimeException the exception of a {@link Reject}
	 * @throws IllegalStateException for {@link Proceed}, which has no replacement
	 */
	default String replacement() {
		if (this instanceof Replace replace) {
			return replace.message();
		}
		if (this instanceof ReAsk reAsk) {
			return reAsk.instruction();
		}
		if (this instanceof Reject reject) {
			throw reject.exception();
		}
		throw new IllegalStateException("The action proceeds: nothing replaces it");
	}

	/**
	 * Go on.
	 */
	record Proceed() implements VerdictAction {
	}

	/**
	 * Do not run or pass the denied thing; give the model (or caller) this text instead.
	 *
	 * @param message the text
	 */
	record Replace(String message) implements VerdictAction {

		public Replace {
			Objects.requireNonNull(message, "'message' must not be null");
		}

	}

	/**
	 * Discard the denied answer and ask the model again with this instruction added.
	 *
	 * @param instruction the instruction
	 */
	record ReAsk(String instruction) implements VerdictAction {

		public ReAsk {
			Objects.requireNonNull(instruction, "'instruction' must not be null");
		}

	}

	/**
	 * Stop: throw this exception to the caller.
	 *
	 * @param exception the exception
	 */
	record Reject(RuntimeException exception) implements VerdictAction {

		public Reject {
			Objects.requireNonNull(exception, "'exception' must not be null");
		}

	}

}
