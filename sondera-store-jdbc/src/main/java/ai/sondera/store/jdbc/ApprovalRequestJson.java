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

package ai.sondera.store.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.Stage;
import ai.sondera.spring.ai.approval.ApprovalRequest;

/**
 * Writes an {@link ApprovalRequest} as the JSON kept in the approvals table, and reads it
 * back.
 *
 * @author Sondera
 */
final class ApprovalRequestJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
	};

	private ApprovalRequestJson() {
	}

	static String write(ApprovalRequest request) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", request.id());
		json.put("stage", (request.stage() != null) ? request.stage().name() : null);
		json.put("tool", request.toolName());
		json.put("arguments", request.arguments());
		json.put("reason", request.reason());
		json.put("policies", request.policies().stream().map(ApprovalRequestJson::policy).toList());
		json.put("escalateArg", request.escalateArg());
		json.put("trajectoryId", request.trajectoryId());
		json.put("sessionId", request.sessionId());
		json.put("agentId", request.agentId());
		json.put("text", request.text());
		try {
			return MAPPER.writeValueAsString(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Approval request " + request.id() + " cannot be written as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	static ApprovalRequest read(String text) {
		Map<String, Object> json;
		try {
			json = MAPPER.readValue(text, OBJECT);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable approval request: " + ex.getOriginalMessage(), ex);
		}
		List<PolicyMetadata> policies = new ArrayList<>();
		for (Object item : (List<Object>) json.get("policies")) {
			Map<String, Object> policy = (Map<String, Object>) item;
			policies.add(new PolicyMetadata((String) policy.get("id"), (String) policy.get("description"),
					Boolean.TRUE.equals(policy.get("escalate")), (String) policy.get("escalateArg"),
					(Map<String, String>) policy.get("custom")));
		}
		String stage = (String) json.get("stage");
		return new ApprovalRequest((String) json.get("id"), (stage != null) ? Stage.valueOf(stage) : null,
				(String) json.get("tool"), (Map<String, Object>) json.get("arguments"), (String) json.get("reason"),
				policies, (String) json.get("escalateArg"), (String) json.get("trajectoryId"),
				(String) json.get("sessionId"), (String) json.get("agentId"), (String) json.get("text"));
	}

	private static Map<String, Object> policy(PolicyMetadata policy) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", policy.id());
		json.put("description", policy.description());
		json.put("escalate", policy.escalate());
		json.put("escalateArg", policy.escalateArg());
		json.put("custom", policy.custom());
		return json;
	}

}
