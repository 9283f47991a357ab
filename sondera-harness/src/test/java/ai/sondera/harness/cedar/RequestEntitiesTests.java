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

import org.junit.jupiter.api.Test;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.Tool;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.analysis.PolicyReads;
import ai.sondera.harness.cedar.schema.RequestShape;

import static ai.sondera.harness.cedar.Harnesses.prompt;
import static ai.sondera.harness.cedar.Harnesses.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every policy sees the entities and context the Sondera SDK gives it, whatever the
 * policy's text looks like: what a request carries is decided from the parsed policies.
 */
class RequestEntitiesTests {

	private static final Agent CODING_AGENT = new Agent("coding-agent", "test", "CodingAgent", "Writes code", "",
			List.of(Tool.of("execute_command", "Run a shell command",
					"{\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}}"),
					Tool.of("read_file", "Read a file",
							"{\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}}")));

	private static Trajectory start(String cedar) {
		return Harnesses.of(cedar, CODING_AGENT).initialize(CODING_AGENT, null);
	}

	@Test
	void policyReadingAToolEntityByNameSeesIt() {
		Trajectory trajectory = start("""
				@id("allow-all") permit(principal, action, resource);
				@id("shell-tool")
				forbid(principal, action == CodingAgent::Action::"execute_command", resource)
				when { CodingAgent::Tool::"execute_command" has description
				       && CodingAgent::Tool::"execute_command".description like "*shell*" };
				""");
		Adjudication result = toolCall(trajectory, "execute_command", Map.of("command", "ls"));
		assertThat(result.decision()).isEqualTo(Decision.DENY);
		assertThat(result.reason()).isEqualTo("Denied by policies: [shell-tool]");
	}

	@Test
	void unguardedToolEntityReadDeniesByMatchNotByError() {
		Trajectory trajectory = start("""
				@id("allow-all") permit(principal, action, resource);
				@id("shell-tool")
				forbid(principal, action, resource)
				when { CodingAgent::Tool::"execute_command".description like "*shell*" };
				""");
		Adjudication denied = toolCall(trajectory, "execute_command", Map.of("command", "ls"));
		assertThat(denied.decision()).isEqualTo(Decision.DENY);
		assertThat(denied.reason()).doesNotContain("error");
		Adjudication prompted = prompt(trajectory, "hello");
		assertThat(prompted.decision()).isEqualTo(Decision.DENY);
		assertThat(prompted.reason()).doesNotContain("error");
	}

	@Test
	void entityLiteralOfAnotherPolicyDoesNotDenyUnrelatedRequests() {
		Trajectory trajectory = start("""
				@id("allow-all") permit(principal, action, resource);
				@id("read-tool")
				forbid(principal, action == CodingAgent::Action::"read_file", resource)
				when { CodingAgent::Tool::"read_file".description like "*shell*" };
				""");
		assertThat(toolCall(trajectory, "read_file", Map.of("path", "a")).decision()).isEqualTo(Decision.ALLOW);
		assertThat(toolCall(trajectory, "execute_command", Map.of("command", "ls")).decision())
			.isEqualTo(Decision.ALLOW);
	}

	@Test
	void principalAttributesAreSentWhenPolicyReadsThem() {
		Trajectory trajectory = start("""
				@id("allow-all") permit(principal, action, resource);
				@id("agent-with-shell")
				forbid(principal, action == CodingAgent::Action::"read_file", resource)
				when { principal.tools.contains(CodingAgent::Tool::"execute_command") };
				""");
		assertThat(toolCall(trajectory, "read_file", Map.of("path", "a")).decision()).isEqualTo(Decision.DENY);
	}

	@Test
	void commentsAndStringsNamingPrincipalOrContextChangeNothing() {
		String policies = """
				@id("allow-all") permit(principal, action, resource);
				// principal.name and context.parameters are mentioned here only
				@id("no-rm")
				forbid(principal, action == CodingAgent::Action::"execute_command", resource)
				when { context.parameters_json like "*principal.name*" || context.parameters_json like "*rm -rf*" };
				""";
		Trajectory trajectory = start(policies);
		assertThat(toolCall(trajectory, "execute_command", Map.of("command", "rm -rf /")).decision())
			.isEqualTo(Decision.DENY);
		assertThat(toolCall(trajectory, "execute_command", Map.of("command", "ls")).decision())
			.isEqualTo(Decision.ALLOW);
		Trajectory plain = start(policies.replace("// principal.name and context.parameters are mentioned here only\n",
				""));
		assertThat(toolCall(plain, "execute_command", Map.of("command", "rm -rf /")).decision())
			.isEqualTo(Decision.DENY);
		assertThat(toolCall(plain, "execute_command", Map.of("command", "ls")).decision()).isEqualTo(Decision.ALLOW);
	}

	@Test
	void contextReadThroughIndexSyntaxIsSent() {
		Trajectory trajectory = start("""
				@id("allow-all") permit(principal, action, resource);
				@id("no-rm")
				forbid(principal, action == CodingAgent::Action::"execute_command", resource)
				when { context["parameters"]["command"] like "rm *" };
				""");
		assertThat(toolCall(trajectory, "execute_command", Map.of("command", "rm x")).decision())
			.isEqualTo(Decision.DENY);
		assertThat(toolCall(trajectory, "execute_command", Map.of("command", "ls")).decision())
			.isEqualTo(Decision.ALLOW);
	}

	@Test
	void partitionReadingNoEntityLeavesThemOut() {
		CedarPolicyHarness harness = Harnesses.of("""
				@id("allow-all") permit(principal, action, resource);
				@id("no-rm")
				forbid(principal, action == CodingAgent::Action::"execute_command", resource)
				when { context.parameters.command like "rm *" };
				@id("shell-tool")
				forbid(principal, action == CodingAgent::Action::"read_file", resource)
				when { CodingAgent::Tool::"read_file".description like "*shell*" };
				""", CODING_AGENT);
		AgentPolicies policies = harness.currentGeneration().policiesFor(CODING_AGENT);
		PolicyReads command = policies.partition("execute_command", RequestShape.TOOL_CALL).reads();
		assertThat(command.readsAgentEntities()).isFalse();
		assertThat(command.readsTrajectoryEntity()).isFalse();
		assertThat(command.readsContext("parameters")).isTrue();
		assertThat(command.readsContext("parameters_json")).isFalse();
		PolicyReads read = policies.partition("read_file", RequestShape.TOOL_CALL).reads();
		assertThat(read.readsAgentEntities()).isTrue();
		assertThat(read.readsContext("parameters")).isFalse();
	}

}
