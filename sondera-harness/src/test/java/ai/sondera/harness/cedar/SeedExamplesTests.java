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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.policy.PolicySource;

import static ai.sondera.harness.cedar.Harnesses.prompt;
import static ai.sondera.harness.cedar.Harnesses.toolCall;
import static ai.sondera.harness.cedar.Harnesses.toolResult;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example policy of the Sondera docs (../shared/seeds), loaded from
 * {@code src/test/resources/seeds}, behaves as the text around it says.
 */
class SeedExamplesTests {

	private static Trajectory start(String resource) {
		List<PolicySource> sources = PolicySource.fromPath(Path.of("src/test/resources/seeds", resource));
		return Harnesses.of(sources, TestAgents.MY_AGENT).initialize(TestAgents.MY_AGENT, null);
	}

	@Test
	void policiesPage() {
		Trajectory trajectory = start("policies-concept.cedar");
		// "This policy blocks any Bash command containing rm -rf or sudo."
		assertThat(ids(toolCall(trajectory, "Bash", Map.of("command", "rm -rf /tmp/x"))))
			.containsExactly("block-dangerous-commands");
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "sudo reboot")).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "ls -la")).isAllowed()).isTrue();
		// "...this forbid still blocks DeleteFiles (forbid takes precedence)"
		assertThat(ids(toolCall(trajectory, "DeleteFiles", Map.of("path", "/tmp"))))
			.containsExactly("forbid-delete-files");
		assertThat(ids(toolCall(trajectory, "Bash", Map.of("command", "something dangerous"))))
			.containsExactly("forbid-dangerous-command");
		// prompts are not blocked by tool-only policies
		assertThat(prompt(trajectory, "hello").isAllowed()).isTrue();
	}

	@Test
	void policiesPageStepLimit() {
		Trajectory trajectory = start("policies-concept.cedar");
		for (int i = 0; i < 50; i++) {
			toolCall(trajectory, "Search", Map.of("query", "q"));
		}
		// "limit-tool-calls": the 51st step is stopped
		assertThat(ids(toolCall(trajectory, "Search", Map.of("query", "q")))).containsExactly("limit-tool-calls");
	}

	@Test
	void allowByDefaultBlockSpecificActionsAndConditionalRules() {
		Trajectory trajectory = start("policies-patterns.cedar");
		assertThat(toolCall(trajectory, "DeleteDatabase", Map.of()).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "SendEmail", Map.of("body", "hi")).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "Search", Map.of("query", "x")).isAllowed()).isTrue();
		assertThat(ids(toolCall(trajectory, "Transfer", Map.of("amount", 20000)))).containsExactly("spending-limit");
		assertThat(ids(toolCall(trajectory, "Transfer", Map.of("amount", 200000))))
			.containsExactly("high-value-transfer-block", "spending-limit");
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 10000)).isAllowed()).isTrue();
		assertThat(ids(toolCall(trajectory, "FileWrite", Map.of("path", "/etc/passwd", "content", "x"))))
			.containsExactly("block-sensitive-paths");
		assertThat(toolCall(trajectory, "FileWrite", Map.of("path", "/tmp/a", "content", "x")).isAllowed()).isTrue();
	}

	@Test
	void blockByDefaultAllowSpecificActions() {
		Trajectory trajectory = start("policies-allowlist.cedar");
		assertThat(toolCall(trajectory, "Search", Map.of("query", "x")).isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "Read", Map.of("path", "a")).isAllowed()).isTrue();
		Adjudication other = toolCall(trajectory, "Bash", Map.of("command", "ls"));
		assertThat(other.isDenied()).isTrue();
		assertThat(other.reason()).isEqualTo("No matching permit policy");
	}

	@Test
	void decisionsPage() {
		Trajectory trajectory = start("policies-decisions.cedar");
		// hard deny: both rm -rf policies match, no approval possible
		Adjudication rm = toolCall(trajectory, "Bash", Map.of("command", "rm -rf /"));
		assertThat(rm.isDenied()).isTrue();
		assertThat(ids(rm)).containsExactly("block-dangerous-commands", "no-rm-rf");
		// soft deny with escalation, routed to the finance team
		Adjudication transfer = toolCall(trajectory, "Transfer", Map.of("amount", 15000));
		assertThat(transfer.isEscalated()).isTrue();
		assertThat(transfer.policies()).singleElement().satisfies((policy) -> {
			assertThat(policy.escalateArg()).isEqualTo("finance-team");
			assertThat(policy.description()).isEqualTo("Transfers over $10,000 require approval");
		});
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 500)).isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "rm ./temp/cache.txt")).isAllowed()).isTrue();
		// the steering reason names the policy
		assertThat(rm.reason()).startsWith("Denied by policies: [block-dangerous-commands]");
	}

	@Test
	void customIntegrationGuideLocalPolicies() {
		List<PolicySource> sources = PolicySource.fromPath(Path.of("src/test/resources/seeds/policies-custom-agent.cedar"));
		Trajectory trajectory = Harnesses.of(sources, TestAgents.CODING_AGENT)
			.initialize(TestAgents.CODING_AGENT, null);
		assertThat(ids(toolCall(trajectory, "Bash", Map.of("command", "rm -rf /")))).containsExactly("forbid-dangerous-bash");
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "mkfs.ext4 /dev/sda1")).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "ls")).isAllowed()).isTrue();
		assertThat(toolResult(trajectory, "Bash", "done").isAllowed()).isTrue();
	}

	private static List<String> ids(Adjudication adjudication) {
		return adjudication.policies().stream().map(PolicyMetadata::id).toList();
	}

}
