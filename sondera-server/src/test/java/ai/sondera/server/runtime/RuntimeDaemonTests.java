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

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sondera runtime start} as a real process: ready line, tool calls, following the
 * active bundle, SIGKILL, restart, audit log verified; and {@code sondera run} with a Java
 * agent.
 *
 * @author Sondera
 */
class RuntimeDaemonTests {

	private static final Pattern READY = Pattern.compile("listening on (http://\\S+) \\(policy (\\S+)\\)");

	private final HttpClient client = HttpClient.newHttpClient();

	@TempDir
	Path directory;

	private static List<String> java(String... args) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), SonderaCommand.class.getName()));
		command.addAll(List.of(args));
		return command;
	}

	private Process start(String... args) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(java(args)).redirectErrorStream(true);
		builder.environment().put("SONDERA_BUNDLE_CACHE", this.directory.resolve("cache").toString());
		return builder.start();
	}

	private static Matcher ready(Process process) throws Exception {
		BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<Matcher> ready = CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = reader.readLine()) != null) {
					Matcher matcher = READY.matcher(line);
					if (matcher.find()) {
						return matcher;
					}
				}
				throw new IllegalStateException("The runtime exited before it was ready");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Matcher matcher = ready.get(60, TimeUnit.SECONDS);
		Thread drain = new Thread(() -> {
			try {
				reader.transferTo(Writer.nullWriter());
			}
			catch (IOException ex) {
				// the process ended
			}
		});
		drain.setDaemon(true);
		drain.start();
		return matcher;
	}

	private HttpResponse<String> echo(String url) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(url + "/v1/tool"))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"tool.echo\", \"params\": {\"message\": \"hi\"}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> awaitDenied(String url) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		HttpResponse<String> answer = echo(url);
		while (answer.statusCode() != 403 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			answer = echo(url);
		}
		return answer;
	}

	private int sondera(String... args) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(output, true);
		return SonderaCommand.execute(args, print, print,
				Map.of("SONDERA_BUNDLE_CACHE", this.directory.resolve("cache").toString()));
	}

	@Test
	void theDaemonFollowsTheActiveBundleSurvivesSigkillAndItsAuditLogVerifies() throws Exception {
		Path policies = Files.createDirectories(this.directory.resolve("policies"));
		Files.writeString(policies.resolve("echo.cedar"),
				"@id(\"echo\") permit(principal, action == Runtime::Action::\"tool__echo\", resource);\n");
		assertThat(sondera("policy", "pack", policies.toString(), "--name", "acme", "--version", "1",
				"--output", this.directory.resolve("acme-1.tar.gz").toString())).isZero();
		Files.writeString(policies.resolve("no-echo.cedar"),
				"@id(\"no-echo\") forbid(principal, action == Runtime::Action::\"tool__echo\", resource);\n");
		assertThat(sondera("policy", "pack", policies.toString(), "--name", "acme", "--version", "2",
				"--output", this.directory.resolve("acme-2.tar.gz").toString())).isZero();
		assertThat(sondera("policy", "load", "--bundle", this.directory.resolve("acme-1.tar.gz").toString())).isZero();
		String data = this.directory.resolve("data").toString();

		Process daemon = start("runtime", "start", "--policy", "acme", "--listen", "127.0.0.1:0", "--data", data);
		try {
			Matcher ready = ready(daemon);
			String url = ready.group(1);
			assertThat(ready.group(2)).isEqualTo("bundle:acme@1");
			assertThat(echo(url).statusCode()).isEqualTo(200);
			assertThat(sondera("policy", "load", "--bundle", this.directory.resolve("acme-2.tar.gz").toString())).isZero();
			HttpResponse<String> denied = awaitDenied(url);
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(denied.body()).contains("bundle:acme@2").contains("no-echo");
		}
		finally {
			daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(sondera("audit", "verify", this.directory.resolve("data/audit").toString())).isZero();

		Process restarted = start("runtime", "start", "--policy", "acme", "--listen", "127.0.0.1:0", "--data", data);
		try {
			Matcher ready = ready(restarted);
			assertThat(ready.group(2)).isEqualTo("bundle:acme@2");
			assertThat(echo(ready.group(1)).statusCode()).isEqualTo(403);
		}
		finally {
			restarted.destroy();
			assertThat(restarted.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(sondera("audit", "verify", this.directory.resolve("data/audit").toString())).isZero();
	}

	@Test
	void runWrapsAJavaAgent() throws Exception {
		Path agent = Path.of("../examples/Agent.java").toAbsolutePath();
		Path output = this.directory.resolve("agent.out");
		String javaCommand = ProcessHandle.current().info().command().orElse("java");
		assertThat(sondera("run", "--data", this.directory.resolve("data").toString(), "sh", "-c",
				javaCommand + " " + agent + " 4 > " + output)).isEqualTo(4);
		assertThat(Files.readString(output))
			.contains("tool.echo: 200 {\"decision\":\"allow\",\"output\":\"hello\",\"policy_ref\":\"embedded:demo\"")
			.contains("tool.shell: 403 {\"decision\":\"deny\"");
	}

	@Test
	void runForwardsSigtermToItsProgram() throws Exception {
		Path started = this.directory.resolve("started");
		Path stopped = this.directory.resolve("stopped");
		String script = "trap 'echo term > " + stopped + "; exit 0' TERM; echo \"$SONDERA_RUNTIME_URL\" > " + started
				+ "; while :; do sleep 0.1; done";
		Process sondera = start("run", "--data", this.directory.resolve("data").toString(), "sh", "-c", script);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.exists(started) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(Files.readString(started)).startsWith("http://127.0.0.1:");
		sondera.destroy();
		assertThat(sondera.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(stopped).trim()).isEqualTo("term");
	}

	@Test
	void theDaemonPicksUpChangedFilesOfItsPolicyDirectory() throws Exception {
		Path policies = Files.createDirectories(this.directory.resolve("policies"));
		Files.writeString(policies.resolve("echo.cedar"),
				"@id(\"echo\") permit(principal, action == Runtime::Action::\"tool__echo\", resource);\n");
		Process daemon = start("runtime", "start", "--policy", policies.toString(), "--listen", "127.0.0.1:0", "--data",
				this.directory.resolve("data").toString());
		try {
			Matcher ready = ready(daemon);
			String url = ready.group(1);
			assertThat(ready.group(2)).isEqualTo("dir:" + policies.toAbsolutePath().normalize());
			assertThat(echo(url).statusCode()).isEqualTo(200);
			Files.writeString(policies.resolve("broken.cedar"), "permit(");
			Thread.sleep(2500);
			assertThat(echo(url).statusCode()).isEqualTo(200);
			Files.writeString(policies.resolve("broken.cedar"),
					"@id(\"no-echo\") forbid(principal, action == Runtime::Action::\"tool__echo\", resource);\n");
			HttpResponse<String> denied = awaitDenied(url);
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(denied.body()).contains("no-echo");
		}
		finally {
			daemon.destroy();
			assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
	}

}
