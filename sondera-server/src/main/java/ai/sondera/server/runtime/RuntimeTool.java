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
package ai.sondera.server.runtime;

import java.util.Map;

import ai.sondera.harness.Tool;

/**
 * A tool the runtime runs when policy allows it.
 *
 * @author Sondera
 */
public interface RuntimeTool {

	/**
	 * Return the tool's kind, for example {@code tool.echo}.
	 * @return the kind
	 */
	String kind();

	/**
	 * Return the tool as the harness sees it: its name from {@link ToolKinds} and its
	 * parameter schema.
	 * @return the tool
	 */
	Tool definition();

	/**
	 * Run the tool.
	 * @param params the parameters, already allowed by policy
	 * @return the output, a JSON value
	 * @throws ToolRefusedException if the runtime itself refuses the call (for example a
	 * host outside the allowlist)
	 * @throws Exception if the tool fails
	 */
	Object run(Map<String, Object> params) throws Exception;

}
