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

import java.util.List;
import java.util.Objects;

/**
 * The agent whose actions are adjudicated. Its {@code name} gives the Cedar namespace
 * (spaces and hyphens become {@code _}); its tools give one Cedar action each.
 *
 * @param id the stable id, used in storage paths and as the Cedar principal id
 * @param providerId who runs the agent (for example {@code spring-ai})
 * @param name the agent name, source of the Cedar namespace
 * @param description what the agent does
 * @param instruction the agent's system instruction
 * @param tools the tools the agent can call
 * @author Sondera
 */
public record Agent(String id, String providerId, String name, String description, String instruction,
		List<Tool> tools) {

	public Agent {
		Objects.requireNonNull(id, "'id' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		providerId = (providerId != null) ? providerId : "";
		description = (description != null) ? description : "";
		instruction = (instruction != null) ? instruction : "";
		tools = (tools != null) ? List.copyOf(tools) : List.of();
	}

	/**
	 * Return the Cedar namespace of this agent: its name with every space and hyphen
	 * replaced by {@code _}.
	 * @return the namespace
	 */
	public String namespace() {
		return cedarName(this.name);
	}

	/**
	 * Return the Cedar name of a tool or agent name: spaces and hyphens become
	 * {@code _}, as in the Sondera SDK.
	 * @param name the name
	 * @return the Cedar name
	 */
	public static String cedarName(String name) {
		return name.replace(' ', '_').replace('-', '_');
	}

}
