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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one {@code POST /v1/tool}: an HTTP status and the JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @author Sondera
 */
record ToolCallOutcome(int status, Map<String, Object> body) {

	static ToolCallOutcome allowed(Object output, String policyRef, String auditId) {
		return decided(200, "allow", "output", output, policyRef, auditId);
	}

	static ToolCallOutcome denied(String reason, String policyRef, String auditId) {
		return decided(403, "deny", "reason", reason, policyRef, auditId);
	}

	static ToolCallOutcome failed(String error, String policyRef, String auditId) {
		return decided(502, "allow", "error", error, policyRef, auditId);
	}

	private static ToolCallOutcome decided(int status, String decision, String key, Object value, String policyRef,
			String auditId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decision", decision);
		body.put(key, value);
		body.put("policy_ref", policyRef);
		body.put("audit_id", auditId);
		return new ToolCallOutcome(status, body);
	}

	static ToolCallOutcome badRequest(String error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		return new ToolCallOutcome(400, body);
	}

}
