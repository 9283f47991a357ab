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
 * Adjudicates the steps of agent conversations against policies.
 *
 * <p>
 * One harness serves a whole application and is thread-safe. Each conversation is an
 * explicit {@link Trajectory}: there is no "current" trajectory, so many conversations
 * can run at once on any threads.
 *
 * <pre class="code">
 * Trajectory trajectory = harness.initialize(agent, sessionId);
 * Adjudication result = trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL,
 *         new ToolRequestContent("Bash", Map.of("command", "ls")));
 * trajectory.finish();
 * </pre>
 *
 * @author Sondera
 */
public interface Harness {

	/**
	 * Start a new trajectory for an agent.
	 * @param agent the agent
	 * @param sessionId an optional session id to group trajectories, or {@code null}
	 * @return the running trajectory
	 */
	Trajectory initialize(Agent agent, String sessionId);

	/**
	 * Start a new trajectory for an agent on behalf of a known caller, whom policies can
	 * read as {@code context.caller} at tool stages. A harness that cannot pass the
	 * caller on ignores it (the default).
	 * @param agent the agent
	 * @param sessionId an optional session id to group trajectories, or {@code null}
	 * @param caller who is calling, or {@code null}
	 * @return the running trajectory
	 */
	default Trajectory initialize(Agent agent, String sessionId, Caller caller) {
		return initialize(agent, sessionId);
	}

	/**
	 * Continue a stored trajectory; its step count continues from the stored steps.
	 * @param trajectoryId the trajectory id
	 * @return the trajectory
	 * @throws IllegalArgumentException if no such trajectory is stored
	 */
	Trajectory resume(String trajectoryId);

	/**
	 * Continue a stored trajectory with the given agent, for example one that has gained
	 * tools since the trajectory started.
	 * @param trajectoryId the trajectory id
	 * @param agent the agent (its id must be the stored one)
	 * @return the trajectory
	 * @throws IllegalArgumentException if no such trajectory is stored, or it belongs to
	 * another agent
	 */
	Trajectory resume(String trajectoryId, Agent agent);

}
