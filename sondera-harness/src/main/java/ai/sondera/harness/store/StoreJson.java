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

import ai.sondera.harness.Agent;
import ai.sondera.harness.json.PythonJson;

/**
 * The JSON that the file store writes for agents and steps (the Sondera SDK's format),
 * for other {@link TrajectoryStore} implementations that keep the same documents.
 *
 * @author Sondera
 */
public final class StoreJson {

	private StoreJson() {
	}

	/**
	 * Write an agent.
	 * @param agent the agent
	 * @return its JSON
	 */
	public static String agent(Agent agent) {
		return PythonJson.write(StepJson.agent(agent));
	}

	/**
	 * Read an agent written by {@link #agent}.
	 * @param json the JSON
	 * @return the agent
	 */
	public static Agent parseAgent(String json) {
		return StepJson.parseAgent(StepJson.parseObject(json));
	}

	/**
	 * Write a step (with its adjudication).
	 * @param step the step
	 * @return its JSON
	 */
	public static String step(TrajectoryStep step) {
		return PythonJson.write(StepJson.step(step));
	}

	/**
	 * Read a step written by {@link #step}.
	 * @param json the JSON
	 * @return the step
	 */
	public static TrajectoryStep parseStep(String json) {
		return StepJson.parseStep(json);
	}

}
