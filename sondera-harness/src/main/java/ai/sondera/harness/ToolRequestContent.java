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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ai.sondera.harness.json.ModelJson;

/**
 * A tool call the model asked for, adjudicated at {@link Stage#PRE_TOOL} as the Cedar
 * action named after the tool.
 *
 * <p>
 * Argument values are JSON values as Java objects: {@link String}, {@link Number},
 * {@link Boolean}, {@link java.util.List}, {@link Map} or {@code null}. The order of the
 * map is kept: it is the key order of {@code context.parameters_json}.
 *
 * @param toolId the tool name
 * @param arguments the arguments by name
 * @author Sondera
 */
public record ToolRequestContent(String toolId, Map<String, Object> arguments) implements Content {

	public ToolRequestContent {
		Objects.requireNonNull(toolId, "'toolId' must not be null");
		arguments = (arguments != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(arguments)) : Map.of();
	}

	/**
	 * Create a tool call from the argument JSON the model sent, keeping its key order
	 * and number types as the guards of the Spring layer do.
	 * @param toolId the tool name
	 * @param argumentsJson the arguments as JSON text ({@code null} or blank for none)
	 * @return the content
	 * @throws IllegalArgumentException if the text is not a JSON object
	 */
	public static ToolRequestContent fromJson(String toolId, String argumentsJson) {
		return new ToolRequestContent(toolId, ModelJson.readArguments(argumentsJson));
	}

}
