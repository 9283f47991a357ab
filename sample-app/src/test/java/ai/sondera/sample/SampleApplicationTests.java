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

package ai.sondera.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ai.sondera.harness.Decision;
import ai.sondera.harness.Stage;
import ai.sondera.harness.store.TrajectoryStep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Starts the sample application, which plays its scenario, and checks what the policies
 * decided and what really ran.
 */
@SpringBootTest(properties = "sondera.trajectories.path=target/sample-trajectories")
class SampleApplicationTests {

	@Autowired
	ScenarioRunner scenario;

	@Autowired
	ConsoleTrajectoryStore store;

	@Autowired
	AssistantTools tools;

	@Test
	void scenarioShowsEveryDecision() {
		assertThat(this.scenario.answers()).hasSize(5);
		assertThat(this.scenario.answers().get(0)).contains("Buy milk");
		assertThat(this.scenario.answers().get(1)).contains("one by one");
		assertThat(this.scenario.answers().get(2)).startsWith("< PolicyViolationException")
			.contains("no-external-email");
		assertThat(this.scenario.answers().get(3)).contains("Paid invoice 42");
		assertThat(this.scenario.answers().get(4)).contains("can't show you that file");

		List<TrajectoryStep> toolSteps = this.store.steps()
			.stream()
			.filter((step) -> step.stage() == Stage.PRE_TOOL || step.stage() == Stage.POST_TOOL)
			.toList();
		assertThat(toolSteps).extracting(TrajectoryStep::stage, (step) -> step.adjudication().decision())
			.containsExactly(tuple(Stage.PRE_TOOL, Decision.ALLOW), tuple(Stage.POST_TOOL, Decision.ALLOW),
					tuple(Stage.PRE_TOOL, Decision.DENY), tuple(Stage.PRE_TOOL, Decision.ALLOW),
					tuple(Stage.POST_TOOL, Decision.ALLOW), tuple(Stage.PRE_TOOL, Decision.DENY),
					tuple(Stage.PRE_TOOL, Decision.ESCALATE), tuple(Stage.PRE_TOOL, Decision.ALLOW),
					tuple(Stage.POST_TOOL, Decision.ALLOW), tuple(Stage.PRE_TOOL, Decision.ALLOW),
					tuple(Stage.POST_TOOL, Decision.DENY));
		assertThat(this.tools.effects()).containsExactly("read notes.txt", "ran rm /tmp/build/*.tmp",
				"transferred 5000.0 to ACME Corp", "read /home/me/.ssh/id_rsa");
	}

}
