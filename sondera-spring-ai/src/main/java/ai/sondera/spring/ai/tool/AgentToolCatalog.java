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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.StringUtils;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Tool;

/**
 * The agent whose policies guard the tools, with every tool known so far. Starts with
 * the tools found at startup; a tool first seen at request time is added once, after
 * the policies were validated again with it. If that validation fails, the tool is
 * remembered as rejected and its calls are denied with the validation error.
 *
 * @author Sondera
 */
public class AgentToolCatalog {

	private static final Log logger = LogFactory.getLog(AgentToolCatalog.class);

	private final Consumer<Agent> validator;

	private final Map<String, String> rejected = new ConcurrentHashMap<>();

	private volatile Agent agent;

	/**
	 * Create a catalog.
	 * @param agent the agent with the tools known at startup
	 * @param validator checks the policies against an agent with more tools; throws if
	 * they do not hold
	 */
	public AgentToolCatalog(Agent agent, Consumer<Agent> validator) {
		this.agent = Objects.requireNonNull(agent, "'agent' must not be null");
		this.validator = Objects.requireNonNull(validator, "'validator' must not be null");
	}

	/**
	 * Create the agent of an application, before its tools are found: the name (and so
	 * the Cedar namespace) defaults to the id with every character Cedar does not allow
	 * turned into {@code _}, so that an agent named after {@code spring.application.name}
	 * is always valid.
	 * @param id the agent id
	 * @param name the agent name, or {@code null} / blank to derive it from the id
	 * @param providerId who runs the agent
	 * @param description what the agent does
	 * @param instruction the agent's system instruction
	 * @param declaredTools names of tools that only appear at request time
	 * @return the agent
	 */
	public static Agent applicationAgent(String id, @Nullable String name, String providerId, String description,
			String instruction, List<String> declaredTools) {
		String agentName = StringUtils.hasText(name) ? name
				: id.replaceAll("[^A-Za-z0-9_ -]", "_").replaceFirst("^(?=[0-9])", "_");
		List<Tool> declared = declaredTools.stream().map((tool) -> Tool.of(tool, "", null)).toList();
		return new Agent(id, providerId, agentName, description, instruction, declared);
	}

	/**
	 * Return the agent with every accepted tool.
	 * @return the agent
	 */
	public Agent agent() {
		return this.agent;
	}

	/**
	 * Return why a tool was rejected, if it was.
	 * @param toolName the tool name
	 * @return the validation error, or {@code null}
	 */
	public String rejection(String toolName) {
		return this.rejected.get(toolName);
	}

	/**
	 * Add the tools known at startup, validating the policies against them.
	 * @param definitions the tool definitions
	 * @return the agent with the tools
	 * @throws RuntimeException the validator's exception if the policies do not hold
	 */
	public synchronized Agent register(Collection<ToolDefinition> definitions) {
		Agent extended = with(this.agent, definitions.stream().map(AgentToolCatalog::toTool).toList());
		this.validator.accept(extended);
		this.agent = extended;
		return extended;
	}

	/**
	 * Make sure the agent has these tools, adding the new ones.
	 * @param definitions the tool definitions seen in a request
	 * @return the agent to use for the request
	 */
	public Agent include(Collection<ToolDefinition> definitions) {
		Agent current = this.agent;
		List<Tool> added = new ArrayList<>();
		for (ToolDefinition definition : definitions) {
			if (!has(current, definition.name()) && !this.rejected.containsKey(definition.name())) {
				added.add(toTool(definition));
			}
		}
		if (added.isEmpty()) {
			return current;
		}
		synchronized (this) {
			Agent extended = with(this.agent, added);
			try {
				this.validator.accept(extended);
				this.agent = extended;
				logger.info("Tools first seen at request time are now under policy: "
						+ added.stream().map(Tool::name).toList());
			}
			catch (RuntimeException ex) {
				for (Tool tool : added) {
					this.rejected.put(tool.name(), "the policies failed validation with this new tool: " + ex.getMessage());
				}
				logger.error("Policies failed validation with tools first seen at request time "
						+ added.stream().map(Tool::name).toList() + "; their calls will be denied", ex);
			}
			return this.agent;
		}
	}

	private static Agent with(Agent agent, List<Tool> more) {
		List<Tool> tools = new ArrayList<>(agent.tools());
		for (Tool tool : more) {
			if (!has(agent, tool.name()) && tools.stream().noneMatch((known) -> known.name().equals(tool.name()))) {
				tools.add(tool);
			}
		}
		return new Agent(agent.id(), agent.providerId(), agent.name(), agent.description(), agent.instruction(), tools);
	}

	private static boolean has(Agent agent, String toolName) {
		for (Tool tool : agent.tools()) {
			if (tool.name().equals(toolName)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Convert a Spring AI tool definition.
	 * @param definition the definition
	 * @return the harness tool
	 */
	public static Tool toTool(ToolDefinition definition) {
		return Tool.of(definition.name(), definition.description(), definition.inputSchema());
	}

}
