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
package ai.sondera.harness.cedar.schema;

import java.util.List;

import ai.sondera.harness.Content;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;

/**
 * The shape of a Cedar request, fixed by its stage: what the resource is and which
 * context attributes exist. A policy applies to an (action, shape) only if it type-checks
 * against that shape.
 *
 * @author Sondera
 */
public enum RequestShape {

	/** Model text: action {@code Prompt}, resource {@code Message}, no context. */
	PROMPT(List.of(Stage.PRE_MODEL, Stage.POST_MODEL)),

	/** A tool call: resource {@code Trajectory}, {@code parameters} and {@code parameters_json}. */
	TOOL_CALL(List.of(Stage.PRE_TOOL)),

	/** A tool result: resource {@code Trajectory}, {@code response_json} and {@code response}. */
	TOOL_RESULT(List.of(Stage.POST_TOOL));

	private final List<Stage> stages;

	RequestShape(List<Stage> stages) {
		this.stages = stages;
	}

	public List<Stage> stages() {
		return this.stages;
	}

	/**
	 * Return the shape of a step, or {@code null} if the step is not evaluated by
	 * policies (run stages, or content that does not belong to its stage).
	 * @param stage the stage
	 * @param content the content
	 * @return the shape or {@code null}
	 */
	public static RequestShape of(Stage stage, Content content) {
		return switch (stage) {
			case PRE_MODEL, POST_MODEL -> (content instanceof PromptContent) ? PROMPT : null;
			case PRE_TOOL -> (content instanceof ToolRequestContent) ? TOOL_CALL : null;
			case POST_TOOL -> (content instanceof ToolResponseContent) ? TOOL_RESULT : null;
			default -> null;
		};
	}

}
