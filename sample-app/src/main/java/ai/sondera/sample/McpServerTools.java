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
package ai.sondera.sample;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the {@code mcp} profile, exposes the assistant's tools to MCP clients. Nothing
 * Sondera-specific: the starter guards every tool the MCP server exposes.
 *
 * @author Sondera
 */
@Configuration(proxyBeanMethods = false)
@Profile("mcp")
public class McpServerTools {

	@Bean
	ToolCallbackProvider assistantToolProvider(AssistantTools tools) {
		return MethodToolCallbackProvider.builder().toolObjects(tools).build();
	}

}
