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
package ai.sondera.harness;

import java.util.Objects;

import ai.sondera.harness.json.ModelJson;

/**
 * The result of a tool, adjudicated at {@link Stage#POST_TOOL}.
 *
 * <p>
 * The response is a JSON value as a Java object ({@link String}, {@link Number},
 * {@link Boolean}, {@link java.util.List}, {@link java.util.Map} or {@code null}); any
 * other object is written with {@code toString()} in {@code context.response_json}, as
 * the Sondera SDK does.
 *
 * @param toolId the tool name
 * @param response the result
 * @author Sondera
 */
public record ToolResponseContent(String toolId, Object response) implements Content {

	public ToolResponseContent {
		Objects.requireNonNull(toolId, "'toolId' must not be null");
	}

	/**
	 * Create a tool result from the text a tool returned: parsed as JSON when it is JSON
	 * (so that {@code context.response} is typed), kept as text otherwise.
	 * @param toolId the tool name
	 * @param result the result text
	 * @return the content
	 */
	public static ToolResponseContent fromText(String toolId, String result) {
		return new ToolResponseContent(toolId, ModelJson.readResult(result));
	}

}
