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

import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.Stage;

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
 * @author Sondera
 */
public record ApprovalRequest(String id, Stage stage, String toolName, Map<String, Object> arguments, String reason,
		List<PolicyMetadata> policies, String escalateArg, String trajectoryId, String sessionId) {

	public ApprovalRequest {
		Objects.requireNonNull(id, "'id' must not be null");
		arguments = (arguments != null) ? arguments : Map.of();
		policies = (policies != null) ? List.copyOf(policies) : List.of();
		escalateArg = (escalateArg != null) ? escalateArg : "";
	}

}
