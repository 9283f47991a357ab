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

package ai.sondera.test;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Content;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.Trajectory;

/**
 * Steps of one trajectory, adjudicated in order: each step counts, so
 * {@code resource.step_count} policies see what they would in production.
 *
 * @author Sondera
 */
public final class Conversation {

	private final Trajectory trajectory;

	private final Consumer<Adjudication> decided;

	Conversation(Trajectory trajectory, Consumer<Adjudication> decided) {
		this.trajectory = Objects.requireNonNull(trajectory);
		this.decided = decided;
	}

	/**
	 * Adjudicate a tool call (PRE_TOOL).
	 * @param tool the tool
	 * @param arguments its arguments
	 * @return the verdict
	 */
	public PolicyVerdict toolCall(String tool, Map<String, Object> arguments) {
		return step(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent(tool, arguments));
	}

	/**
	 * Adjudicate a tool call (PRE_TOOL) given as the model's raw JSON.
	 * @param tool the tool
	 * @param json the arguments as JSON
	 * @return the verdict
	 */
	public PolicyVerdict toolCall(String tool, String json) {
		return step(Stage.PRE_TOOL, Role.MODEL, ToolRequestContent.fromJson(tool, json));
	}

	/**
	 * Adjudicate a tool result (POST_TOOL).
	 * @param tool the tool
	 * @param result the result
	 * @return the verdict
	 */
	public PolicyVerdict toolResult(String tool, Object result) {
		return step(Stage.POST_TOOL, Role.TOOL, new ToolResponseContent(tool, result));
	}

	/**
	 * Adjudicate a user prompt (PRE_MODEL).
	 * @param text the prompt
	 * @return the verdict
	 */
	public PolicyVerdict prompt(String text) {
		return step(Stage.PRE_MODEL, Role.USER, new PromptContent(text));
	}

	/**
	 * Adjudicate a model answer (POST_MODEL).
	 * @param text the answer
	 * @return the verdict
	 */
	public PolicyVerdict answer(String text) {
		return step(Stage.POST_MODEL, Role.MODEL, new PromptContent(text));
	}

	/**
	 * Return how many steps the trajectory has.
	 * @return the step count
	 */
	public long stepCount() {
		return this.trajectory.stepCount();
	}

	private PolicyVerdict step(Stage stage, Role role, Content content) {
		Adjudication adjudication = this.trajectory.adjudicate(stage, role, content);
		this.decided.accept(adjudication);
		return new PolicyVerdict(stage, role, content, this.trajectory.stepCount(), adjudication);
	}

}
