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
package ai.sondera.spring.ai.tool;

import java.util.List;

import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A bean that knows tools the application exposes in a way {@link ToolDiscovery} cannot
 * see by itself (such as the tool specifications of an MCP server), so that policies are
 * validated against them at startup.
 *
 * @author Sondera
 */
@FunctionalInterface
public interface ToolDefinitionSource {

	/**
	 * Return the tools this source guards.
	 * @return the tool definitions
	 */
	List<ToolDefinition> toolDefinitions();

}
