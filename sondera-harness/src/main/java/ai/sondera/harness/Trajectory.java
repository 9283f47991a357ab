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
 * One agent conversation under policy. Every {@link #adjudicate adjudication} is counted
 * ({@code resource.step_count}) and recorded before it returns.
 *
 * <p>
 * A trajectory is thread-safe: tool calls of one conversation may be adjudicated from
 * several threads.
 *
 * @author Sondera
 */
public interface Trajectory {

	/**
	 * Return the trajectory id ({@code traj-<uuid>}).
	 * @return the id
	 */
	String id();

	/**
	 * Return the agent of this trajectory.
	 * @return the agent
	 */
	Agent agent();

	/**
	 * Return the session id given at initialization, or {@code null}.
	 * @return the session id
	 */
	String sessionId();

	/**
	 * Return the number of adjudications so far (including resumed ones).
	 * @return the step count
	 */
	long stepCount();

	/**
	 * Return the life-cycle state.
	 * @return the status
	 */
	TrajectoryStatus status();

	/**
	 * Adjudicate one step. Never throws for a policy outcome: denials are returned.
	 * @param stage where in the agent loop the step is
	 * @param role who produced the content
	 * @param content what is adjudicated
	 * @return the adjudication
	 * @throws IllegalStateException if the trajectory has ended
	 */
	Adjudication adjudicate(Stage stage, Role role, Content content);

	/**
	 * Record a step decided outside the policies, such as the outcome of an approval for
	 * an escalated step. It counts as a step, like an adjudication.
	 * @param stage the stage of the decided step
	 * @param role who decided ({@link Role#SYSTEM} for an approver)
	 * @param content the content that was decided
	 * @param adjudication the decision and its reason
	 * @throws IllegalStateException if the trajectory has ended
	 */
	void record(Stage stage, Role role, Content content, Adjudication adjudication);

	/**
	 * End the trajectory normally (the Sondera SDK's {@code finalize}).
	 * @throws IllegalStateException if it has already ended
	 */
	void finish();

	/**
	 * End the trajectory as failed.
	 * @param reason why it failed
	 * @throws IllegalStateException if it has already ended
	 */
	void fail(String reason);

}
