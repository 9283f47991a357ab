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
package ai.sondera.server;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.audit.AuditLogVerifier;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.grpc.RemoteHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server as an operator starts it: options, tokens, decisions over the wire, the
 * audit log under the data directory, and a policy change picked up without a restart.
 */
class SonderaServerTests {

	private static final Agent AGENT = new Agent("shell-agent", "test", "Shell", "", "", List.of(Tool.of("run",
			"Run a command", "{\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}}")));

	@TempDir
	Path directory;

	private ServerOptions options(String... extra) throws Exception {
		Path policies = Files.createDirectories(this.directory.resolve("policies"));
		Files.writeString(policies.resolve("shell.cedar"), """
				@id("allow-all") permit(principal, action, resource);
				@id("no-rm") @reason("No deleting") forbid(principal, action == Shell::Action::"run", resource)
				when { context.parameters.command like "rm *" };
				""");
		Path tokens = this.directory.resolve("tokens");
		Files.writeString(tokens, "# operators\nfirst-token\nsecond-token\n");
		List<String> args = new java.util.ArrayList<>(List.of("--policies", policies.toString(), "--grpc-port", "0",
				"--token-file", tokens.toString(), "--data", this.directory.resolve("data").toString()));
		args.addAll(List.of(extra));
		return ServerOptions.parse(args.toArray(String[]::new), Map.of());
	}

	private static Decision run(RemoteHarness harness, Trajectory trajectory, String command) {
		return trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("run", Map.of("command", command)))
			.decision();
	}

	@Test
	void servesDecisionsAuditsThemAndReloadsPolicies() throws Exception {
		ServerOptions options = options();
		try (SonderaServer server = SonderaServer.start(options);
				RemoteHarness harness = RemoteHarness.builder("127.0.0.1:" + server.port())
					.token("second-token")
					.secure(false)
					.build()) {
			Trajectory trajectory = harness.initialize(AGENT, null);
			assertThat(run(harness, trajectory, "ls")).isEqualTo(Decision.ALLOW);
			assertThat(run(harness, trajectory, "rm -rf /")).isEqualTo(Decision.DENY);
			Files.writeString(options.policies().resolve("more.cedar"),
					"@id(\"no-ls\") forbid(principal, action == Shell::Action::\"run\", resource)"
							+ " when { context.parameters.command == \"ls\" };\n");
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (run(harness, trajectory, "ls") != Decision.DENY && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(run(harness, trajectory, "ls")).isEqualTo(Decision.DENY);
		}
		Path audit = options.data().resolve("audit").resolve(FileAuditLog.FILE_NAME);
		assertThat(AuditLogVerifier.verify(audit).valid()).isTrue();
		assertThat(Files.readAllLines(audit)).anyMatch((line) -> line.contains("\"decision\": \"deny\""));
	}

	@Test
	void optionsAreCheckedWithAClearMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServerOptions.parse(new String[0], Map.of()))
			.withMessageContaining("--policies is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServerOptions.parse(new String[] { "--policies", "p" }, Map.of()))
			.withMessageContaining("No token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServerOptions.parse(new String[] { "--policies", "p", "--grpc-port", "http" }, Map.of()))
			.withMessageContaining("--grpc-port must be a port number");
		assertThat(ServerOptions.parse(new String[] { "--policies", "p" }, Map.of("SONDERA_SERVER_TOKENS", "a, b"))
			.tokens()).containsExactly("a", "b");
	}

	@Test
	void servesOverTlsToClientsThatTrustItsCertificate() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
		Path cert = this.directory.resolve("cert.pem");
		Path key = this.directory.resolve("key.pem");
		Process openssl = new ProcessBuilder("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
				"-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost", "-addext",
				"subjectAltName=DNS:localhost,IP:127.0.0.1")
			.redirectErrorStream(true)
			.start();
		openssl.getInputStream().transferTo(OutputStream.nullOutputStream());
		assertThat(openssl.waitFor()).isZero();
		ServerOptions options = options("--tls-cert", cert.toString(), "--tls-key", key.toString());
		try (SonderaServer server = SonderaServer.start(options)) {
			try (RemoteHarness trusting = RemoteHarness.builder("localhost:" + server.port())
				.token("first-token")
				.trustCertificates(cert)
				.build()) {
				Trajectory trajectory = trusting.initialize(AGENT, null);
				assertThat(run(trusting, trajectory, "ls")).isEqualTo(Decision.ALLOW);
				assertThat(run(trusting, trajectory, "rm -rf /")).isEqualTo(Decision.DENY);
			}
			try (RemoteHarness plaintext = RemoteHarness.builder("localhost:" + server.port())
				.token("first-token")
				.secure(false)
				.timeout(Duration.ofSeconds(3))
				.build()) {
				Adjudication refused = plaintext.initialize(AGENT, null)
					.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("run", Map.of("command", "ls")));
				assertThat(refused.isDenied()).isTrue();
			}
			try (RemoteHarness untrusting = RemoteHarness.builder("localhost:" + server.port())
				.token("first-token")
				.timeout(Duration.ofSeconds(3))
				.build()) {
				Adjudication refused = untrusting.initialize(AGENT, null)
					.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("run", Map.of("command", "ls")));
				assertThat(refused.isDenied()).isTrue();
				assertThat(refused.reason()).contains("UNAVAILABLE");
			}
		}
	}

}
