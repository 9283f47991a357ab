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
 * {@code tool.echo}: returns {@code params.message}.
 *
 * @author Sondera
 */
final class EchoTool implements RuntimeTool {

	@Override
	public String kind() {
		return "tool.echo";
	}

	@Override
	public Tool definition() {
		return Tool.of(ToolKinds.toolName(kind()), "Return the message",
				"{\"type\": \"object\", \"properties\": {\"message\": {\"type\": \"string\"}}}");
	}

	@Override
	public Object run(Map<String, Object> params) {
		return params.get("message");
	}

}
