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

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.schema.Schema;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Tool;
import ai.sondera.harness.cedar.schema.CedarType.Attribute;
import ai.sondera.harness.cedar.schema.CedarType.RecordType;

/**
 * The Cedar schema generated from an agent: the Sondera SDK's schema (one namespace named
 * after the agent, one action per tool, a {@code Prompt} action) and one internal schema
 * per {@link RequestShape}, in which only the attributes that exist at that stage are
 * declared, and always-present ones are required.
 *
 * @author Sondera
 */
public final class AgentSchema {

	public static final String PROMPT_ACTION = "Prompt";

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final Agent agent;

	private final String namespace;

	private final Map<String, ToolAction> actions;

	private final Map<RequestShape, Schema> shapeSchemas = new EnumMap<>(RequestShape.class);

	private final Map<RequestShape, ObjectNode> shapeSchemaJson = new EnumMap<>(RequestShape.class);

	public AgentSchema(Agent agent) {
		this.agent = agent;
		this.namespace = agent.namespace();
		if (!this.namespace.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("Agent name '" + agent.name() + "' gives the Cedar namespace '"
					+ this.namespace + "', which is not a Cedar identifier: use letters, digits, spaces, '-' and '_'"
					+ " and do not start with a digit");
		}
		Map<String, ToolAction> actions = new LinkedHashMap<>();
		Map<String, String> toolNames = new LinkedHashMap<>();
		for (Tool tool : agent.tools()) {
			String action = Agent.cedarName(tool.name());
			if (PROMPT_ACTION.equals(action)) {
				throw new IllegalArgumentException("Tool '" + tool.name() + "' of agent '" + agent.name()
						+ "' would be the Cedar action 'Prompt', which is reserved for model text: rename the tool");
			}
			String clash = toolNames.putIfAbsent(action, tool.name());
			if (clash != null) {
				throw new IllegalArgumentException("Tools '" + clash + "' and '" + tool.name() + "' of agent '"
						+ agent.name() + "' both become the Cedar action '" + action + "': rename one of them");
			}
			actions.put(action, new ToolAction(tool, action, wrap(JsonSchemaTypes.parse(tool.inputSchema(),
					"the arguments of tool '" + tool.name() + "'")), wrap(JsonSchemaTypes.parse(tool.outputSchema(),
							"the result of tool '" + tool.name() + "'"))));
		}
		this.actions = Collections.unmodifiableMap(actions);
		for (RequestShape shape : RequestShape.values()) {
			ObjectNode json = buildSchemaJson(shape);
			this.shapeSchemaJson.put(shape, json);
			Schema schema = new Schema(json);
			try {
				schema.cache();
			}
			catch (CacheException ex) {
				throw new IllegalStateException("Cedar could not cache the schema of agent '" + agent.name() + "'", ex);
			}
			this.shapeSchemas.put(shape, schema);
		}
	}

	private static Wrapped wrap(CedarType type) {
		if (type == null) {
			return null;
		}
		if (type instanceof RecordType record) {
			return new Wrapped(record, false);
		}
		return new Wrapped(new RecordType(Map.of("value", new Attribute(type, true))), true);
	}

	public Agent agent() {
		return this.agent;
	}

	public String namespace() {
		return this.namespace;
	}

	/**
	 * Return the tool actions by Cedar action name.
	 * @return the tool actions
	 */
	public Map<String, ToolAction> toolActions() {
		return this.actions;
	}

	/**
	 * Return the action for a tool name as used in {@code ToolRequestContent}: the Cedar
	 * name of the tool.
	 * @param toolId the tool name
	 * @return the action or {@code null}
	 */
	public ToolAction toolAction(String toolId) {
		return this.actions.get(Agent.cedarName(toolId));
	}

	public Schema schema(RequestShape shape) {
		return this.shapeSchemas.get(shape);
	}

	/**
	 * Return the internal schema of a request shape as JSON (read only).
	 * @param shape the shape
	 * @return the Cedar JSON schema
	 */
	public ObjectNode schemaJson(RequestShape shape) {
		return this.shapeSchemaJson.get(shape);
	}

	/**
	 * Return the Sondera SDK compatible schema: every context attribute optional.
	 * @return the Cedar JSON schema
	 */
	public ObjectNode publicSchemaJson() {
		return buildSchemaJson(null);
	}

	private ObjectNode buildSchemaJson(RequestShape shape) {
		ObjectNode entityTypes = JSON.objectNode();
		ObjectNode agentAttributes = entityTypes.putObject("Agent").putObject("shape").put("type", "Record")
			.putObject("attributes");
		agentAttributes.putObject("name").put("type", "String");
		agentAttributes.putObject("provider_id").put("type", "String");
		agentAttributes.putObject("tools").put("type", "Set").putObject("element").put("type", "Entity")
			.put("name", "Tool");
		ObjectNode toolAttributes = entityTypes.putObject("Tool").putObject("shape").put("type", "Record")
			.putObject("attributes");
		toolAttributes.putObject("name").put("type", "String");
		toolAttributes.putObject("description").put("type", "String");
		ArrayNode roles = entityTypes.putObject("Role").putArray("enum");
		roles.add("user").add("model").add("system").add("tool");
		ObjectNode message = entityTypes.putObject("Message");
		message.putArray("memberOfTypes").add("Trajectory");
		ObjectNode messageAttributes = message.putObject("shape").put("type", "Record").putObject("attributes");
		messageAttributes.putObject("content").put("type", "String");
		messageAttributes.putObject("role").put("type", "Entity").put("name", "Role");
		entityTypes.putObject("Trajectory").putObject("shape").put("type", "Record").putObject("attributes")
			.putObject("step_count").put("type", "Long");

		ObjectNode actionsNode = JSON.objectNode();
		for (ToolAction action : this.actions.values()) {
			ObjectNode appliesTo = actionsNode.putObject(action.name()).putObject("appliesTo");
			appliesTo.putArray("principalTypes").add("Agent");
			appliesTo.putArray("resourceTypes").add("Trajectory");
			ObjectNode context = appliesTo.putObject("context").put("type", "Record");
			ObjectNode attributes = context.putObject("attributes");
			if (shape != RequestShape.TOOL_RESULT) {
				putAttribute(attributes, "parameters", action.parameters(), shape == null);
				putString(attributes, "parameters_json", shape == null);
			}
			if (shape != RequestShape.TOOL_CALL) {
				putAttribute(attributes, "response", action.response(), shape == null);
				putString(attributes, "response_json", shape == null);
			}
			if (shape != null) {
				// Not in the SDK's schema: who is calling, when the application knows it.
				ObjectNode caller = attributes.putObject("caller").put("type", "Record").put("required", false);
				ObjectNode callerAttributes = caller.putObject("attributes");
				callerAttributes.putObject("principal").put("type", "String").put("required", false);
				callerAttributes.putObject("client").put("type", "String").put("required", false);
			}
		}
		ObjectNode prompt = actionsNode.putObject(PROMPT_ACTION).putObject("appliesTo");
		prompt.putArray("principalTypes").add("Agent");
		prompt.putArray("resourceTypes").add("Message");

		ObjectNode namespaceNode = JSON.objectNode();
		namespaceNode.set("entityTypes", entityTypes);
		namespaceNode.set("actions", actionsNode);
		ObjectNode root = JSON.objectNode();
		root.set(this.namespace, namespaceNode);
		return root;
	}

	private static void putAttribute(ObjectNode attributes, String name, Wrapped type, boolean optional) {
		if (type != null) {
			ObjectNode node = type.record().toSchema();
			if (optional) {
				node.put("required", false);
			}
			attributes.set(name, node);
		}
	}

	private static void putString(ObjectNode attributes, String name, boolean optional) {
		ObjectNode node = attributes.putObject(name).put("type", "String");
		if (optional) {
			node.put("required", false);
		}
	}

	/**
	 * A tool's Cedar action.
	 *
	 * @param tool the tool
	 * @param name the Cedar action name
	 * @param parameters the type of {@code context.parameters}, or {@code null}
	 * @param response the type of {@code context.response}, or {@code null}
	 */
	public record ToolAction(Tool tool, String name, Wrapped parameters, Wrapped response) {
	}

	/**
	 * A context record type; a non-object JSON schema is wrapped as
	 * {@code {"value": type}}, as in the Sondera SDK.
	 *
	 * @param record the record type
	 * @param wrapped whether the value is wrapped in {@code value}
	 */
	public record Wrapped(RecordType record, boolean wrapped) {
	}

}
