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

import java.util.Optional;

import ai.sondera.harness.Agent;
import ai.sondera.harness.TrajectoryStatus;

/**
 * Where trajectories are recorded. Implementations must be thread-safe, and
 * {@link #append} must have made the step durable (at least handed to the operating
 * system) when it returns: the harness calls it before the guarded action runs.
 *
 * @author Sondera
 * @see FileTrajectoryStore
 * @see InMemoryTrajectoryStore
 */
public interface TrajectoryStore {

	/**
	 * Record an agent, replacing any agent with the same id.
	 * @param agent the agent
	 */
	void saveAgent(Agent agent);

	/**
	 * Record a new trajectory.
	 * @param record the header
	 */
	void create(TrajectoryRecord record);

	/**
	 * Append a step to a trajectory.
	 * @param record the trajectory header
	 * @param stepIndex the 0-based index of the step
	 * @param step the step
	 */
	void append(TrajectoryRecord record, long stepIndex, TrajectoryStep step);

	/**
	 * Change the status of a trajectory.
	 * @param record the trajectory header
	 * @param status the new status
	 */
	void updateStatus(TrajectoryRecord record, TrajectoryStatus status);

	/**
	 * Read a trajectory back.
	 * @param trajectoryId the trajectory id
	 * @return the trajectory, or empty if none is stored with that id
	 */
	Optional<StoredTrajectory> load(String trajectoryId);

	/**
	 * Read a trajectory's header and step count, for resuming it. The default reads the
	 * whole trajectory; stores that can count without reading the steps override it.
	 * @param trajectoryId the trajectory id
	 * @return the header and step count, or empty if none is stored with that id
	 */
	default Optional<TrajectoryHead> loadHead(String trajectoryId) {
		return load(trajectoryId).map((stored) -> new TrajectoryHead(stored.record(), stored.steps().size()));
	}

	/**
	 * Read back an agent saved with {@link #saveAgent}, so that a trajectory can be
	 * resumed by id alone by a harness that has not seen its agent yet (after a restart,
	 * or on another instance).
	 * @param agentId the agent id
	 * @return the agent, or empty if this store does not know it (the default)
	 */
	default Optional<Agent> loadAgent(String agentId) {
		return Optional.empty();
	}

}
