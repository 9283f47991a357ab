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

import org.jspecify.annotations.Nullable;

import ai.sondera.harness.Stage;

/**
 * Where a verdict was reached, for a {@link VerdictHandler}: a tool call, a tool result,
 * a prompt or a model's answer.
 *
 * @param kind what was adjudicated
 * @param tool the tool, or {@code null} for model text
 * @param toModel whether a model is waiting for the outcome (so that a denial can be
 * turned into a message for it); {@code false} for a direct call of a tool method
 * @param attempt for an answer, how many times the model was already asked again (0 for
 * the first answer)
 * @author Sondera
 */
public record Checkpoint(Kind kind, @Nullable String tool, boolean toModel, int attempt) {

	/**
	 * A tool call a model asked for.
	 * @param tool the tool
	 * @return the checkpoint
	 */
	public static Checkpoint toolCall(String tool) {
		return new Checkpoint(Kind.TOOL_CALL, tool, true, 0);
	}

	/**
	 * A tool result on its way to a model.
	 * @param tool the tool
	 * @return the checkpoint
	 */
	public static Checkpoint toolResult(String tool) {
		return new Checkpoint(Kind.TOOL_RESULT, tool, true, 0);
	}

	/**
	 * The text about to be sent to a model.
	 * @return the checkpoint
	 */
	public static Checkpoint prompt() {
		return new Checkpoint(Kind.PROMPT, null, true, 0);
	}

	/**
	 * A model's answer.
	 * @param attempt how many times the model was already asked again
	 * @return the checkpoint
	 */
	public static Checkpoint answer(int attempt) {
		return new Checkpoint(Kind.ANSWER, null, true, attempt);
	}

	/**
	 * A streamed answer of which a part was already released: it cannot be asked again,
	 * only refused or let through.
	 * @return the checkpoint
	 */
	public static Checkpoint releasedAnswer() {
		return new Checkpoint(Kind.ANSWER, null, true, Integer.MAX_VALUE);
	}

	/**
	 * The same checkpoint reached by a direct call from application code, with no model
	 * to tell.
	 * @return the checkpoint
	 */
	public Checkpoint direct() {
		return new Checkpoint(this.kind, this.tool, false, this.attempt);
	}

	/**
	 * Return the stage of the checkpoint.
	 * @return the stage
	 */
	public Stage stage() {
		return this.kind.stage;
	}

	/**
	 * What a checkpoint adjudicates.
	 */
	public enum Kind {

		/** A tool call, at {@link Stage#PRE_TOOL}. */
		TOOL_CALL(Stage.PRE_TOOL),

		/** A tool result, at {@link Stage#POST_TOOL}. */
		TOOL_RESULT(Stage.POST_TOOL),

		/** The system and user text of a request, at {@link Stage#PRE_MODEL}. */
		PROMPT(Stage.PRE_MODEL),

		/** The text a model produced, at {@link Stage#POST_MODEL}. */
		ANSWER(Stage.POST_MODEL);

		private final Stage stage;

		Kind(Stage stage) {
			this.stage = stage;
		}

	}

}
