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

package ai.sondera.harness.cedar;

import java.util.List;
import java.util.Map;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.store.InMemoryTrajectoryStore;

/**
 * Builds harnesses over an in-memory store and adjudicates single steps, for tests.
 */
final class Harnesses {

	private Harnesses() {
	}

	static CedarPolicyHarness of(String cedar, Agent agent) {
		return CedarPolicyHarness.builder()
			.policies(cedar)
			.agent(agent)
			.store(new InMemoryTrajectoryStore())
			.build();
	}

	static CedarPolicyHarness of(List<PolicySource> sources, Agent agent) {
		return CedarPolicyHarness.builder()
			.policies(sources)
			.agent(agent)
			.store(new InMemoryTrajectoryStore())
			.build();
	}

	static Trajectory start(String cedar) {
		return of(cedar, TestAgents.MY_AGENT).initialize(TestAgents.MY_AGENT, null);
	}

	static Adjudication toolCall(Trajectory trajectory, String tool, Map<String, Object> arguments) {
		return trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent(tool, arguments));
	}

	static Adjudication toolResult(Trajectory trajectory, String tool, Object result) {
		return trajectory.adjudicate(Stage.POST_TOOL, Role.TOOL, new ToolResponseContent(tool, result));
	}

	static Adjudication prompt(Trajectory trajectory, String text) {
		return trajectory.adjudicate(Stage.PRE_MODEL, Role.USER, new PromptContent(text));
	}

}
