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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.support.ContentText;

/**
 * What a {@link Replay} found: how many steps it replayed and each step whose decision
 * changed, also grouped by the policy that made the difference.
 *
 * @param trajectories how many trajectories were replayed
 * @param steps how many steps were adjudicated again
 * @param changes the steps whose decision changed, in replay order
 * @param nanos how long the replay took
 * @author Sondera
 */
public record ReplayReport(int trajectories, long steps, List<Change> changes, long nanos) {

	public ReplayReport {
		changes = List.copyOf(changes);
	}

	/**
	 * Return whether any decision changed.
	 * @return whether there are changes
	 */
	public boolean hasChanges() {
		return !this.changes.isEmpty();
	}

	/**
	 * Return the changes grouped by the policies that made the difference: for a new
	 * DENY or ESCALATE, the policies that now decide; for a DENY or ESCALATE that is
	 * gone, the policies that decided it before.
	 * @return the changes by policy id, sorted by id
	 */
	public Map<String, List<Change>> byPolicy() {
		Map<String, List<Change>> grouped = new TreeMap<>();
		for (Change change : this.changes) {
			List<PolicyMetadata> policies = change.responsiblePolicies();
			if (policies.isEmpty()) {
				grouped.computeIfAbsent("(no policy: " + change.kind() + ")", (key) -> new ArrayList<>()).add(change);
			}
			for (PolicyMetadata policy : policies) {
				grouped.computeIfAbsent(policy.id(), (key) -> new ArrayList<>()).add(change);
			}
		}
		return grouped;
	}

	/**
	 * Write the report for people: a summary line, then each policy with the steps it
	 * changes.
	 * @return the report
	 */
	public String format() {
		StringBuilder report = new StringBuilder();
		report.append("Replayed ")
			.append(count(this.steps, "step", "steps"))
			.append(" of ")
			.append(count(this.trajectories, "trajectory", "trajectories"))
			.append(" in ")
			.append(Duration.ofNanos(this.nanos).toMillis())
			.append(" ms: ")
			.append(this.changes.isEmpty() ? "no decision changes"
					: count(this.changes.size(), "decision changes", "decisions change"))
			.append('\n');
		byPolicy().forEach((policy, changes) -> {
			report.append('\n').append(policy).append(" (").append(changes.size()).append(")\n");
			for (Change change : changes) {
				report.append("  ").append(change.describe()).append('\n');
			}
		});
		return report.toString();
	}

	private static String count(long count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

	/**
	 * One step whose decision changed.
	 *
	 * @param trajectoryId the recorded trajectory
	 * @param stepIndex the step's index in it
	 * @param step the recorded step
	 * @param recorded the recorded decision
	 * @param replayed the decision of the new policies
	 */
	public record Change(String trajectoryId, int stepIndex, TrajectoryStep step, Adjudication recorded,
			Adjudication replayed) {

		/**
		 * Return the kind of change, for example {@code ALLOW -> DENY}.
		 * @return the kind
		 */
		public String kind() {
			return this.recorded.decision() + " -> " + this.replayed.decision();
		}

		/**
		 * Return the policies that made the difference.
		 * @return the policies
		 */
		public List<PolicyMetadata> responsiblePolicies() {
			return (this.replayed.decision() != Decision.ALLOW) ? this.replayed.policies() : this.recorded.policies();
		}

		/**
		 * Describe the change on one line.
		 * @return the description
		 */
		public String describe() {
			String what = ContentText.describe(this.step.content());
			if (what.length() > 160) {
				what = what.substring(0, 157) + "...";
			}
			return kind() + "  " + this.trajectoryId + " step " + this.stepIndex + " " + this.step.stage().wireName()
					+ "  " + what + "  (now: " + this.replayed.reason() + ")";
		}

	}

}
