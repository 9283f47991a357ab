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
import java.util.Objects;

import ai.sondera.harness.TrajectoryStatus;

/**
 * The header of a stored trajectory.
 *
 * @param id the trajectory id
 * @param agentId the agent id
 * @param status the life-cycle state
 * @param sessionId the session id, or {@code null}
 * @param createdAt when the trajectory was created
 * @author Sondera
 */
public record TrajectoryRecord(String id, String agentId, TrajectoryStatus status, String sessionId,
		Instant createdAt) {

	public TrajectoryRecord {
		Objects.requireNonNull(id, "'id' must not be null");
		Objects.requireNonNull(agentId, "'agentId' must not be null");
		Objects.requireNonNull(status, "'status' must not be null");
		Objects.requireNonNull(createdAt, "'createdAt' must not be null");
	}

	/**
	 * Return a copy with another status.
	 * @param newStatus the status
	 * @return the copy
	 */
	public TrajectoryRecord withStatus(TrajectoryStatus newStatus) {
		return new TrajectoryRecord(this.id, this.agentId, newStatus, this.sessionId, this.createdAt);
	}

}
