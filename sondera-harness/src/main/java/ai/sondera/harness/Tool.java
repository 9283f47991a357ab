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

/**
 * A tool an {@link Agent} can call.
 *
 * <p>
 * The JSON schemas type the Cedar context: {@code inputSchema} becomes
 * {@code context.parameters} at {@link Stage#PRE_TOOL}, {@code outputSchema} becomes
 * {@code context.response} at {@link Stage#POST_TOOL}. Without an output schema a policy
 * can read the result only as {@code context.response_json}.
 *
 * @param name the tool name, also the Cedar action name (spaces and hyphens become
 * {@code _})
 * @param description what the tool does
 * @param inputSchema the JSON schema of the arguments, or {@code null}
 * @param outputSchema the JSON schema of the result, or {@code null}
 * @author Sondera
 */
public record Tool(String name, String description, String inputSchema, String outputSchema) {

	public Tool {
		Objects.requireNonNull(name, "'name' must not be null");
		description = (description != null) ? description : "";
	}

	/**
	 * Create a tool without an output schema.
	 * @param name the tool name
	 * @param description what the tool does
	 * @param inputSchema the JSON schema of the arguments, or {@code null}
	 * @return the tool
	 */
	public static Tool of(String name, String description, String inputSchema) {
		return new Tool(name, description, inputSchema, null);
	}

}
