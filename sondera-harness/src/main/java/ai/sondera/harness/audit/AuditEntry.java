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

package ai.sondera.harness.audit;

import java.time.Instant;
import java.util.List;

import ai.sondera.harness.Decision;
import ai.sondera.harness.Stage;

/**
 * What an audit record says about one decision.
 *
 * @param timestamp when it was decided
 * @param trajectoryId the trajectory
 * @param agentId the agent
 * @param stepIndex the 0-based step of the trajectory
 * @param stage the stage
 * @param tool the tool, or {@code null} for model text and run stages
 * @param decision the decision
 * @param reason the reason
 * @param policies the ids of the determining policies
 * @param policySet the digest of the policy set that decided, or {@code null} if
 * unknown
 * @author Sondera
 */
public record AuditEntry(Instant timestamp, String trajectoryId, String agentId, long stepIndex, Stage stage,
		String tool, Decision decision, String reason, List<String> policies, String policySet, String shadow) {

	/**
	 * Create an entry without shadow policies.
	 * @param timestamp when it was decided
	 * @param trajectoryId the trajectory
	 * @param agentId the agent
	 * @param stepIndex the 0-based step of the trajectory
	 * @param stage the stage
	 * @param tool the tool, or {@code null}
	 * @param decision the decision
	 * @param reason the reason
	 * @param policies the ids of the determining policies
	 * @param policySet the digest of the policy set that decided, or {@code null}
	 */
	public AuditEntry(Instant timestamp, String trajectoryId, String agentId, long stepIndex, Stage stage,
			String tool, Decision decision, String reason, List<String> policies, String policySet) {
		this(timestamp, trajectoryId, agentId, stepIndex, stage, tool, decision, reason, policies, policySet, null);
	}

	/**
	 * Create an entry without a policy set digest.
	 * @param timestamp when it was decided
	 * @param trajectoryId the trajectory
	 * @param agentId the agent
	 * @param stepIndex the 0-based step of the trajectory
	 * @param stage the stage
	 * @param tool the tool, or {@code null}
	 * @param decision the decision
	 * @param reason the reason
	 * @param policies the ids of the determining policies
	 */
	public AuditEntry(Instant timestamp, String trajectoryId, String agentId, long stepIndex, Stage stage,
			String tool, Decision decision, String reason, List<String> policies) {
		this(timestamp, trajectoryId, agentId, stepIndex, stage, tool, decision, reason, policies, null, null);
	}

}
