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

package ai.sondera.spring.ai.approval;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.Stage;
import ai.sondera.harness.json.PythonJson;
import ai.sondera.harness.support.Digests;

/**
 * An escalated action waiting for a decision.
 *
 * @param id a unique id, to complete the request later (see {@link PendingApprovals})
 * @param stage the stage of the action
 * @param toolName the tool, or {@code null} for model text
 * @param arguments the tool arguments (empty for model text)
 * @param reason the harness's reason, naming the escalating policies
 * @param policies the escalating policies
 * @param escalateArg the first policy's {@code @escalate} argument (the route), or empty
 * @param trajectoryId the trajectory of the action
 * @param sessionId the session of the trajectory, or {@code null}
 * @param agentId the agent, or {@code null}
 * @param text the model text (model stages), or {@code null}
 * @author Sondera
 */
public record ApprovalRequest(String id, Stage stage, String toolName, Map<String, Object> arguments, String reason,
		List<PolicyMetadata> policies, String escalateArg, String trajectoryId, String sessionId, String agentId,
		String text) {

	public ApprovalRequest {
		Objects.requireNonNull(id, "'id' must not be null");
		arguments = (arguments != null) ? arguments : Map.of();
		policies = (policies != null) ? List.copyOf(policies) : List.of();
		escalateArg = (escalateArg != null) ? escalateArg : "";
	}

	/**
	 * Create a request for a tool call, without agent or text.
	 * @param id a unique id
	 * @param stage the stage of the action
	 * @param toolName the tool, or {@code null} for model text
	 * @param arguments the tool arguments (empty for model text)
	 * @param reason the harness's reason
	 * @param policies the escalating policies
	 * @param escalateArg the route, or empty
	 * @param trajectoryId the trajectory of the action
	 * @param sessionId the session of the trajectory, or {@code null}
	 */
	public ApprovalRequest(String id, Stage stage, String toolName, Map<String, Object> arguments, String reason,
			List<PolicyMetadata> policies, String escalateArg, String trajectoryId, String sessionId) {
		this(id, stage, toolName, arguments, reason, policies, escalateArg, trajectoryId, sessionId, null, null);
	}

	/**
	 * Return this request under another id.
	 * @param id the id
	 * @return the request
	 */
	public ApprovalRequest withId(String id) {
		return new ApprovalRequest(id, this.stage, this.toolName, this.arguments, this.reason, this.policies,
				this.escalateArg, this.trajectoryId, this.sessionId, this.agentId, this.text);
	}

	/**
	 * Return the digest of what would run: the SHA-256 of the canonical JSON (keys sorted,
	 * at every level) of the agent, the stage, the tool, the arguments or the text, the
	 * trajectory and the sorted policy ids. An approval applies only to calls with the
	 * same digest: a changed argument needs a new approval.
	 * @return the digest, 64 hex digits
	 */
	public String digest() {
		Map<String, Object> subject = new TreeMap<>();
		subject.put("agent", this.agentId);
		subject.put("stage", (this.stage != null) ? this.stage.wireName() : null);
		subject.put("tool", this.toolName);
		subject.put("arguments", canonical(this.arguments));
		subject.put("text", this.text);
		subject.put("trajectory", this.trajectoryId);
		subject.put("policies", this.policies.stream().map(PolicyMetadata::id).sorted().toList());
		return Digests.sha256(PythonJson.write(subject));
	}

	private static Object canonical(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, item) -> sorted.put(String.valueOf(key), canonical(item)));
			return sorted;
		}
		if (value instanceof Collection<?> items) {
			return items.stream().map(ApprovalRequest::canonical).toList();
		}
		return value;
	}

}
