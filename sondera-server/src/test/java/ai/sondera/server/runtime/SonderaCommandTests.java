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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code sondera run} and the command line's errors, with real child processes: the
 * repository's {@code examples/agent.py} and a shell.
 *
 * @author Sondera
 */
class SonderaCommandTests {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	private static final Path AGENT = Path.of("../examples/agent.py");

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int sondera(String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		if (arguments.get(0).equals("run")) {
			arguments.addAll(1, List.of("--data", this.directory.resolve("data").toString()));
		}
		return SonderaCommand.execute(arguments.toArray(String[]::new), new PrintStream(this.out, true),
				new PrintStream(this.err, true), Map.of("SONDERA_BUNDLE_CACHE", this.directory.resolve("cache").toString()));
	}

	@Test
	void runGivesTheChildTheRuntimeAndItsExitCode() throws Exception {
		assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
		Path output = this.directory.resolve("agent.out");
		String script = PYTHON + " " + AGENT.toAbsolutePath() + " 3 > " + output;
		assertThat(sondera("run", "--", "sh", "-c", script)).isEqualTo(3);
		assertThat(Files.readString(output)).contains("tool.echo: 200 allow \"hello\" (embedded:demo)")
			.contains("tool.shell: 403 deny")
			.contains("tool.http_get: 403 deny")
			.contains("--allowed-domains");
		assertThat(sondera("run", PYTHON.toString(), AGENT.toAbsolutePath().toString())).isZero();
	}

	@Test
	void runSetsBothVariablesAndReportsAChildKilledByASignal() throws Exception {
		Path env = this.directory.resolve("env.out");
		assertThat(sondera("run", "sh", "-c", "echo $SONDERA_RUNTIME_URL $AUTONOMY_RUNTIME_URL > " + env)).isZero();
		String[] urls = Files.readString(env).trim().split(" ");
		assertThat(urls).hasSize(2);
		assertThat(urls[0]).startsWith("http://127.0.0.1:").isEqualTo(urls[1]);
		assertThat(sondera("run", "sh", "-c", "kill -9 $$")).isEqualTo(137);
	}

	@Test
	void mistakesAreExplained() {
		assertThat(sondera("run")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("give the program to run");
		assertThat(sondera("run", "--allowed-domains", "a.com", "--", "true")).isEqualTo(2);
		assertThat(sondera("runtime", "start", "--listen", "nowhere")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--listen must be HOST:PORT");
		assertThat(sondera("policy", "explode")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unknown command 'policy explode'");
		assertThat(sondera("--help")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("run [--policy POLICY]");
		assertThat(sondera("run", "--policy", this.directory.resolve("missing").toString(), "true")).isNotZero();
		assertThat(sondera("run", "/no/such/program")).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Could not start /no/such/program");
	}

}
