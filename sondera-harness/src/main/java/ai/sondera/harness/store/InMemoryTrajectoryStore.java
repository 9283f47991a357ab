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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ai.sondera.harness.Agent;
import ai.sondera.harness.TrajectoryStatus;

/**
 * A {@link TrajectoryStore} that keeps everything in memory: for tests, benchmarks and
 * applications that record trajectories elsewhere. Nothing survives a restart.
 *
 * @author Sondera
 */
public class InMemoryTrajectoryStore implements TrajectoryStore {

	private final Map<String, Agent> agents = new ConcurrentHashMap<>();

	private final Map<String, Entry> trajectories = new ConcurrentHashMap<>();

	@Override
	public void saveAgent(Agent agent) {
		this.agents.put(agent.id(), agent);
	}

	@Override
	public void create(TrajectoryRecord record) {
		this.trajectories.put(record.id(), new Entry(record));
	}

	@Override
	public void append(TrajectoryRecord record, long stepIndex, TrajectoryStep step) {
		Entry entry = this.trajectories.computeIfAbsent(record.id(), (id) -> new Entry(record));
		synchronized (entry) {
			entry.steps.add(step);
		}
	}

	@Override
	public void updateStatus(TrajectoryRecord record, TrajectoryStatus status) {
		Entry entry = this.trajectories.get(record.id());
		if (entry != null) {
			synchronized (entry) {
				entry.record = entry.record.withStatus(status);
			}
		}
	}

	@Override
	public Optional<StoredTrajectory> load(String trajectoryId) {
		Entry entry = this.trajectories.get(trajectoryId);
		if (entry == null) {
			return Optional.empty();
		}
		synchronized (entry) {
			return Optional.of(new StoredTrajectory(entry.record, entry.steps));
		}
	}

	/**
	 * Return every stored trajectory, in no particular order.
	 * @return the trajectories
	 */
	public List<StoredTrajectory> findAll() {
		return this.trajectories.keySet().stream().map(this::load).flatMap(Optional::stream).toList();
	}

	/**
	 * Return the agent saved with the given id.
	 * @param agentId the agent id
	 * @return the agent, or empty
	 */
	@Override
	public Optional<Agent> loadAgent(String agentId) {
		return Optional.ofNullable(this.agents.get(agentId));
	}

	private static final class Entry {

		private TrajectoryRecord record;

		private final List<TrajectoryStep> steps = new ArrayList<>();

		Entry(TrajectoryRecord record) {
			this.record = record;
		}

	}

}
