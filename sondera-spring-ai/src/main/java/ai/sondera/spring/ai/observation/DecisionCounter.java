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

	private final Completion completion = new Completion() {

		@Override
		public void completed(Adjudication adjudication) {
			DecisionCounter.this.counts.get(adjudication.decision()).increment();
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

}
