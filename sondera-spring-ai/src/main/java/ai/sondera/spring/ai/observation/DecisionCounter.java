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

package ai.sondera.spring.ai.observation;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.AdjudicationListener;
import ai.sondera.harness.Content;
import ai.sondera.harness.Decision;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;

/**
 * Counts decisions since start, for the actuator endpoint. Cheap enough for the hot
 * path: one {@link LongAdder} increment per adjudication.
 *
 * @author Sondera
 */
public class DecisionCounter implements AdjudicationListener {

	private final Map<Decision, LongAdder> counts = new EnumMap<>(Decision.class);

	private final LongAdder errors = new LongAdder();

	private final Map<String, LongAdder> shadowMatches = new ConcurrentHashMap<>();

	private final Completion completion = new Completion() {

		@Override
		public void completed(Adjudication adjudication) {
			DecisionCounter.this.counts.get(adjudication.decision()).increment();
			if (adjudication.shadow() != null) {
				adjudication.shadow()
					.policies()
					.forEach((policy) -> DecisionCounter.this.shadowMatches
						.computeIfAbsent(policy.id(), (id) -> new LongAdder())
						.increment());
			}
		}

		@Override
		public void failed(Throwable error) {
			DecisionCounter.this.errors.increment();
		}

	};

	public DecisionCounter() {
		for (Decision decision : Decision.values()) {
			this.counts.put(decision, new LongAdder());
		}
	}

	@Override
	public Completion started(Trajectory trajectory, Stage stage, Role role, Content content) {
		return this.completion;
	}

	/**
	 * Return how many adjudications ended with a decision.
	 * @param decision the decision
	 * @return the count since start
	 */
	public long count(Decision decision) {
		return this.counts.get(decision).sum();
	}

	/**
	 * Return how many adjudications failed with an exception.
	 * @return the count since start
	 */
	public long errors() {
		return this.errors.sum();
	}

	/**
	 * Return how often each shadow policy matched (what it would have decided is in
	 * each adjudication's {@link Adjudication#shadow()}).
	 * @return the counts by policy id, sorted
	 */
	public Map<String, Long> shadowMatches() {
		Map<String, Long> counts = new TreeMap<>();
		this.shadowMatches.forEach((id, count) -> counts.put(id, count.sum()));
		return counts;
	}

}
