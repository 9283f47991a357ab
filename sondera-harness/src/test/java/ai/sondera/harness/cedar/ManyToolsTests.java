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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.Tool;
import ai.sondera.harness.Trajectory;

import static ai.sondera.harness.cedar.Harnesses.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent with more tools than cedar-java keeps policy sets by default (1024 per
 * process): partitions with the same policies share one native set, and a full cache is
 * made room in (or raised) instead of failing the load.
 */
class ManyToolsTests {

	private static final int TOOLS = 1100;

	@Test
	void moreDistinctPartitionsThanTheNativeCacheHoldsStillLoadAndDecide() {
		List<Tool> tools = new ArrayList<>();
		StringBuilder policies = new StringBuilder("@id(\"allow-all\") permit(principal, action, resource);\n");
		for (int i = 0; i < TOOLS; i++) {
			tools.add(Tool.of("tool" + i, "Tool " + i,
					"{\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}}"));
			policies.append("@id(\"limit-").append(i).append("\") forbid(principal, action == Many::Action::\"tool")
				.append(i).append("\", resource) when { context.parameters.command == \"stop-").append(i).append("\" };\n");
		}
		Agent agent = new Agent("many", "test", "Many", "", "", tools);
		CedarPolicyHarness harness = Harnesses.of(policies.toString(), agent);
		Trajectory trajectory = harness.initialize(agent, null);
		assertThat(toolCall(trajectory, "tool1099", Map.of("command", "stop-1099")).decision()).isEqualTo(Decision.DENY);
		assertThat(toolCall(trajectory, "tool1099", Map.of("command", "stop-1")).decision()).isEqualTo(Decision.ALLOW);
		assertThat(toolCall(trajectory, "tool0", Map.of("command", "stop-0")).decision()).isEqualTo(Decision.DENY);
		harness.reload(List.of(ai.sondera.harness.policy.PolicySource.of("many.cedar",
				policies.toString().replace("stop-0\"", "halt-0\""))));
		assertThat(toolCall(trajectory, "tool0", Map.of("command", "halt-0")).decision()).isEqualTo(Decision.DENY);
	}

}
