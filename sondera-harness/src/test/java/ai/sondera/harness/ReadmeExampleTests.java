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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.FileTrajectoryStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java example of README.md, verbatim, so that the README stays true.
 */
class ReadmeExampleTests {

	@TempDir
	Path trajectories;

	@Test
	void readmeExample() {
		// README snippet start
		Agent agent = new Agent("payments-1", "my-company", "Payments Agent", "Pays invoices", "Be careful",
				List.of(Tool.of("shell", "Run a shell command",
						"{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},\"required\":[\"command\"]}"),
						Tool.of("pay", "Pay an invoice",
								"{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"number\"}},\"required\":[\"amount\"]}")));

		Harness harness = CedarPolicyHarness.builder()
			.policies(Path.of("src/test/resources/readme/payments.cedar"))
			.agent(agent) // compile and check the policies now, not at the first call
			.store(new FileTrajectoryStore(this.trajectories))
			.build();

		Trajectory trajectory = harness.initialize(agent, "session-42");
		Adjudication shell = trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL,
				new ToolRequestContent("shell", Map.of("command", "rm -rf /")));
		Adjudication payment = trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL,
				ToolRequestContent.fromJson("pay", "{\"amount\": 12500.50}")); // the model's raw JSON
		trajectory.finish();
		// README snippet end

		assertThat(shell.decision()).isEqualTo(Decision.DENY);
		assertThat(shell.reason()).isEqualTo("Denied by policies: [no-rm-rf] Recursive deletes are not allowed");
		assertThat(payment.decision()).isEqualTo(Decision.ESCALATE);
		assertThat(payment.policies().get(0).escalateArg()).isEqualTo("finance-team");
	}

}
