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

package ai.sondera.harness.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.store.FileTrajectoryStore;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;

/**
 * Replays recorded trajectories against another policy set: every recorded step is
 * adjudicated again, in order and in a trajectory of its own (so {@code step_count}
 * policies see the same counts), and its new decision compared with the recorded one.
 * Steps recorded by the system (approval outcomes, resumption notes) are records, not
 * adjudications, and are skipped.
 *
 * <pre class="code">
 * ReplayReport report = Replay.of(Path.of(".sondera/trajectories"))
 *     .against(PolicySource.fromPath(Path.of("new-policies")));
 * </pre>
 *
 * @author Sondera
 */
public final class Replay {

	private final TrajectoryStore store;

	private final List<String> trajectoryIds;

	private Replay(TrajectoryStore store, List<String> trajectoryIds) {
		this.store = store;
		this.trajectoryIds = trajectoryIds;
	}

	/**
	 * Replay every trajectory of a file store (the Sondera SDK layout:
	 * {@code <root>/<agent>/<trajectory>.jsonl}, agents in {@code agents.json}).
	 * @param root the store's root directory
	 * @return the replay
	 * @throws UncheckedIOException if the directory cannot be read
	 */
	public static Replay of(Path root) {
		if (!Files.isDirectory(root)) {
			throw new IllegalArgumentException("No recorded trajectories at " + root.toAbsolutePath()
					+ ": not a directory");
		}
		List<String> ids = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root, 2)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".jsonl"))
				.sorted()
				.forEach((file) -> ids.add(file.getFileName().toString().replaceFirst("\\.jsonl$", "")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the trajectories under " + root, ex);
		}
		return of(new FileTrajectoryStore(root), ids);
	}

	/**
	 * Replay trajectories of any store (the JDBC store, for example).
	 * @param store the store that recorded them
	 * @param trajectoryIds the trajectories, replayed in this order
	 * @return the replay
	 */
	public static Replay of(TrajectoryStore store, List<String> trajectoryIds) {
		return new Replay(Objects.requireNonNull(store, "'store' must not be null"), List.copyOf(trajectoryIds));
	}

	/**
	 * Replay against a policy set.
	 * @param policies the policy sources (for example {@link PolicySource#fromPath})
	 * @return what changes
	 * @throws ai.sondera.harness.policy.PolicyLoadException if the policies do not load
	 * for a recorded agent
	 */
	public ReplayReport against(List<PolicySource> policies) {
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(policies)
			.store(new InMemoryTrajectoryStore())
			.auditLog(AuditLog.NONE)
			.build();
		long started = System.nanoTime();
		List<ReplayReport.Change> changes = new ArrayList<>();
		Map<String, Agent> agents = new HashMap<>();
		long replayed = 0;
		int trajectories = 0;
		for (String id : this.trajectoryIds) {
			Optional<StoredTrajectory> stored = this.store.load(id);
			if (stored.isEmpty()) {
				continue;
			}
			String agentId = stored.get().record().agentId();
			Agent agent = agents.computeIfAbsent(agentId, (key) -> this.store.loadAgent(key)
				.orElseThrow(() -> new IllegalStateException("Trajectory " + id + " belongs to agent '" + agentId
						+ "', which the recording does not describe (agents.json)")));
			Trajectory trajectory = harness.initialize(agent, stored.get().record().sessionId());
			trajectories++;
			List<TrajectoryStep> steps = stored.get().steps();
			for (int index = 0; index < steps.size(); index++) {
				TrajectoryStep step = steps.get(index);
				if (step.role() == Role.SYSTEM) {
					continue;
				}
				Adjudication now = trajectory.adjudicate(step.stage(), step.role(), step.content());
				replayed++;
				if (now.decision() != step.adjudication().decision()) {
					changes.add(new ReplayReport.Change(id, index, step, step.adjudication(), now));
				}
			}
		}
		return new ReplayReport(trajectories, replayed, changes, System.nanoTime() - started);
	}

}
