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

package ai.sondera.server.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.FileTrajectoryStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sondera policy diff}: recorded trajectories replayed against a directory of
 * changed policies.
 *
 * @author Sondera
 */
class PolicyDiffCommandTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void reportsTheDecisionsThatChangeAndExitsWithOne() throws Exception {
		Path old = write("old", """
				@id("allow-all") permit(principal, action, resource);
				""");
		Path changed = write("new", """
				@id("allow-all") permit(principal, action, resource);
				@id("no-rm") @reason("No deleting files") forbid(principal, action == Ops::Action::"shell", resource)
				when { context.parameters.command like "*rm *" };
				""");
		Path recorded = this.directory.resolve("recorded");
		Agent agent = new Agent("ops", "test", "Ops", "", "", List.of(Tool.of("shell", "Run a command",
				"{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},\"required\":[\"command\"]}")));
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(old)
			.store(new FileTrajectoryStore(recorded))
			.auditLog(AuditLog.NONE)
			.build();
		Trajectory trajectory = harness.initialize(agent, null);
		trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("shell", Map.of("command", "ls")));
		trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("shell", Map.of("command", "rm -rf /tmp/x")));

		assertThat(sondera("policy", "diff", "--recorded", recorded.toString(), "--policies", old.toString())).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Replayed 2 steps of 1 trajectory")
			.contains("no decision changes");
		this.out.reset();
		assertThat(sondera("policy", "diff", "--recorded", recorded.toString(), "--policies", changed.toString()))
			.isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("1 decision changes")
			.contains("no-rm (1)")
			.contains("ALLOW -> DENY")
			.contains("shell {\"command\": \"rm -rf /tmp/x\"}")
			.contains("No deleting files");
	}

	private Path write(String name, String cedar) throws Exception {
		Path dir = Files.createDirectories(this.directory.resolve(name));
		Files.writeString(dir.resolve("policies.cedar"), cedar);
		return dir;
	}

	private int sondera(String... args) {
		return SonderaCommand.execute(args, new PrintStream(this.out, true), new PrintStream(new ByteArrayOutputStream(), true),
				Map.of());
	}

}
