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
package ai.sondera.harness.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Content;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.ShadowDecision;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.TrajectoryStatus;

/**
 * Maps trajectory records to and from the JSON objects of the Sondera SDK's file storage
 * (v0.8.1 field names).
 *
 * @author Sondera
 */
final class StepJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final TypeReference<ArrayList<Object>> ARRAY = new TypeReference<>() {
	};

	private StepJson() {
	}

	static Map<String, Object> agent(Agent agent) {
		List<Object> tools = new ArrayList<>();
		for (Tool tool : agent.tools()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", null);
			json.put("name", tool.name());
			json.put("description", tool.description());
			json.put("parameters", List.of());
			json.put("parameters_json_schema", tool.inputSchema());
			json.put("response", null);
			json.put("response_json_schema", tool.outputSchema());
			json.put("source", null);
			tools.add(json);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", agent.id());
		json.put("provider_id", agent.providerId());
		json.put("name", agent.name());
		json.put("description", agent.description());
		json.put("instruction", agent.instruction());
		json.put("tools", tools);
		return json;
	}

	/**
	 * Read an agent as {@link #agent} writes it (and as the Sondera SDK writes it: a
	 * tool's JSON schema may be an object instead of a string).
	 */
	static Agent parseAgent(Map<?, ?> json) {
		List<Tool> tools = new ArrayList<>();
		if (json.get("tools") instanceof List<?> list) {
			for (Object item : list) {
				Map<?, ?> tool = (Map<?, ?>) item;
				tools.add(new Tool((String) tool.get("name"), (String) tool.get("description"),
						schemaText(tool.get("parameters_json_schema")), schemaText(tool.get("response_json_schema"))));
			}
		}
		return new Agent((String) json.get("id"), (String) json.get("provider_id"), (String) json.get("name"),
				(String) json.get("description"), (String) json.get("instruction"), tools);
	}

	private static String schemaText(Object schema) {
		if (schema == null || schema instanceof String) {
			return (String) schema;
		}
		try {
			return MAPPER.writeValueAsString(schema);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Unreadable tool schema: " + ex.getOriginalMessage(), ex);
		}
	}

	static Map<String, Object> header(TrajectoryRecord record) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", record.id());
		json.put("agent_id", record.agentId());
		json.put("status", record.status().wireName());
		json.put("metadata", Map.of());
		json.put("created_at", record.createdAt().toString());
		json.put("updated_at", record.createdAt().toString());
		json.put("started_at", null);
		json.put("ended_at", null);
		json.put("raw_step_count", null);
		json.put("decision_summary", null);
		json.put("session_id", record.sessionId());
		return json;
	}

	static Map<String, Object> step(TrajectoryStep step) {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("role", step.role().wireName());
		inner.put("stage", step.stage().wireName());
		inner.put("created_at", step.createdAt().toString());
		inner.put("content", content(step.content()));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("mode", "govern");
		json.put("adjudication", adjudication(step.adjudication()));
		json.put("step", inner);
		json.put("guardrails", null);
		return json;
	}

	static Map<String, Object> adjudication(Adjudication adjudication) {
		List<Object> policies = new ArrayList<>();
		for (PolicyMetadata policy : adjudication.policies()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", policy.id());
			json.put("description", policy.description());
			json.put("escalate", policy.escalate());
			json.put("escalate_arg", policy.escalateArg());
			json.put("custom", policy.custom());
			policies.add(json);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("decision", adjudication.decision().wireName());
		json.put("reason", adjudication.reason());
		json.put("policies", policies);
		ShadowDecision shadow = adjudication.shadow();
		if (shadow != null) {
			Map<String, Object> wouldBe = new LinkedHashMap<>();
			wouldBe.put("decision", shadow.decision().wireName());
			wouldBe.put("reason", shadow.reason());
			wouldBe.put("policies", shadow.policies().stream().map(PolicyMetadata::id).toList());
			json.put("shadow", wouldBe);
		}
		return json;
	}

	private static Map<String, Object> content(Content content) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (content instanceof PromptContent prompt) {
			json.put("content_type", "prompt");
			json.put("text", prompt.text());
		}
		else if (content instanceof ToolRequestContent request) {
			json.put("content_type", "tool_request");
			json.put("tool_id", request.toolId());
			json.put("args", request.arguments());
		}
		else if (content instanceof ToolResponseContent response) {
			json.put("content_type", "tool_response");
			json.put("tool_id", response.toolId());
			json.put("response", response.response());
		}
		return json;
	}

	static TrajectoryRecord parseHeader(String line) {
		Map<String, Object> json = parseObject(line);
		return new TrajectoryRecord(text(json, "id"), text(json, "agent_id"),
				TrajectoryStatus.fromWireName(text(json, "status")), (String) json.get("session_id"),
				Instant.parse(text(json, "created_at")));
	}

	@SuppressWarnings("unchecked")
	static TrajectoryStep parseStep(String line) {
		Map<String, Object> json = parseObject(line);
		Map<String, Object> step = (Map<String, Object>) json.get("step");
		Map<String, Object> adjudication = (Map<String, Object>) json.get("adjudication");
		List<PolicyMetadata> policies = new ArrayList<>();
		for (Object item : (List<Object>) adjudication.get("policies")) {
			Map<String, Object> policy = (Map<String, Object>) item;
			policies.add(new PolicyMetadata(text(policy, "id"), (String) policy.get("description"),
					Boolean.TRUE.equals(policy.get("escalate")), (String) policy.get("escalate_arg"),
					(Map<String, String>) policy.get("custom")));
		}
		return new TrajectoryStep(Stage.valueOf(text(step, "stage").toUpperCase(java.util.Locale.ROOT)),
				Role.valueOf(text(step, "role").toUpperCase(java.util.Locale.ROOT)),
				parseContent((Map<String, Object>) step.get("content")),
				new Adjudication(Decision.valueOf(text(adjudication, "decision").toUpperCase(java.util.Locale.ROOT)),
						(String) adjudication.get("reason"), policies, null,
						parseShadow((Map<String, Object>) adjudication.get("shadow"))),
				Instant.parse(text(step, "created_at")));
	}

	@SuppressWarnings("unchecked")
	private static ShadowDecision parseShadow(Map<String, Object> json) {
		if (json == null) {
			return null;
		}
		List<PolicyMetadata> policies = ((List<Object>) json.get("policies")).stream()
			.map((id) -> new PolicyMetadata(String.valueOf(id), null, false, null, null))
			.toList();
		return new ShadowDecision(Decision.valueOf(text(json, "decision").toUpperCase(java.util.Locale.ROOT)),
				(String) json.get("reason"), policies);
	}

	@SuppressWarnings("unchecked")
	private static Content parseContent(Map<String, Object> json) {
		String type = text(json, "content_type");
		return switch (type) {
			case "prompt" -> new PromptContent(text(json, "text"));
			case "tool_request" -> new ToolRequestContent(text(json, "tool_id"), (Map<String, Object>) json.get("args"));
			case "tool_response" -> new ToolResponseContent(text(json, "tool_id"), json.get("response"));
			default -> throw new IllegalArgumentException("Unknown content_type '" + type + "'");
		};
	}

	private static String text(Map<String, Object> json, String key) {
		Object value = json.get(key);
		if (!(value instanceof String text)) {
			throw new IllegalArgumentException("Expected a string '" + key + "' but found " + value);
		}
		return text;
	}

	static Map<String, Object> parseObject(String line) {
		try {
			return MAPPER.readValue(line, OBJECT);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a JSON object: " + ex.getOriginalMessage(), ex);
		}
	}

	static List<Object> parseArray(String text) {
		try {
			return MAPPER.readValue(text, ARRAY);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a JSON array: " + ex.getOriginalMessage(), ex);
		}
	}

}
