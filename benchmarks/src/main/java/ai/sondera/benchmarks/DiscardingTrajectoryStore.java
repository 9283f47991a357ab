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

package ai.sondera.benchmarks;

import java.util.Optional;

import ai.sondera.harness.Agent;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryRecord;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;

/**
 * Keeps nothing, so that benchmarks measure adjudication, not storage.
 *
 * @author Sondera
 */
final class DiscardingTrajectoryStore implements TrajectoryStore {

	@Override
	public void saveAgent(Agent agent) {
	}

	@Override
	public void create(TrajectoryRecord record) {
	}

	@Override
	public void append(TrajectoryRecord record, long stepIndex, TrajectoryStep step) {
	}

	@Override
	public void updateStatus(TrajectoryRecord record, TrajectoryStatus status) {
	}

	@Override
	public Optional<StoredTrajectory> load(String trajectoryId) {
		return Optional.empty();
	}

}
