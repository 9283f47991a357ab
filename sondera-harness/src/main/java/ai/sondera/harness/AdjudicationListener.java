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

package ai.sondera.harness;

/**
 * Observes adjudications as they happen, for metrics and tracing: told when one starts
 * and, through the returned {@link Completion}, how it ended. Called on the adjudicating
 * thread; must be fast and must not throw.
 *
 * @author Sondera
 */
@FunctionalInterface
public interface AdjudicationListener {

	/** A listener that does nothing. */
	AdjudicationListener NONE = (trajectory, stage, role, content) -> Completion.NONE;

	/**
	 * An adjudication starts.
	 * @param trajectory the trajectory
	 * @param stage the stage
	 * @param role the role
	 * @param content the content
	 * @return what to call when it ends
	 */
	Completion started(Trajectory trajectory, Stage stage, Role role, Content content);

	/**
	 * Combine listeners: each is told, in order.
	 * @param listeners the listeners
	 * @return one listener that tells them all
	 */
	static AdjudicationListener of(AdjudicationListener... listeners) {
		java.util.List<AdjudicationListener> all = java.util.List.of(listeners);
		return (trajectory, stage, role, content) -> {
			java.util.List<Completion> completions = new java.util.ArrayList<>(all.size());
			for (AdjudicationListener listener : all) {
				completions.add(listener.started(trajectory, stage, role, content));
			}
			return new Completion() {

				@Override
				public void completed(Adjudication adjudication) {
					completions.forEach((completion) -> completion.completed(adjudication));
				}

				@Override
				public void failed(Throwable error) {
					completions.forEach((completion) -> completion.failed(error));
				}

			};
		};
	}

	/**
	 * The end of one adjudication.
	 */
	interface Completion {

		/** A completion that does nothing. */
		Completion NONE = new Completion() {
		};

		/**
		 * The adjudication returned.
		 * @param adjudication its result
		 */
		default void completed(Adjudication adjudication) {
		}

		/**
		 * The adjudication failed.
		 * @param error why
		 */
		default void failed(Throwable error) {
		}

	}

}
