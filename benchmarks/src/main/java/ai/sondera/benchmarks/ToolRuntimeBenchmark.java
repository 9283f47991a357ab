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
package ai.sondera.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.server.runtime.RuntimeOptions;
import ai.sondera.server.runtime.RuntimePolicy;
import ai.sondera.server.runtime.RuntimeTools;
import ai.sondera.server.runtime.ToolRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A {@code tool.echo} round trip through the tool runtime on loopback (HTTP/1.1, one
 * keep-alive connection per client thread, the demo policy, PRE_TOOL and POST_TOOL, the
 * audit log and trajectory files written), against the bare PRE_TOOL adjudication of the
 * same call in the same run. Run with {@code -t 2} for two client connections.
 *
 * @author Sondera
 */
public class ToolRuntimeBenchmark extends HarnessBenchmark {

	private static final String ECHO = "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"hello\"}}";

	private ToolRuntime runtime;

	private Path data;

	private Trajectory bare;

	private URI uri;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.data = Files.createTempDirectory("sondera-runtime-bench");
		this.runtime = ToolRuntime.start(new RuntimeOptions("127.0.0.1", 0, RuntimePolicy.demo(), Set.of(), this.data));
		this.uri = URI.create(this.runtime.url() + "/v1/tool");
		this.bare = CedarPolicyHarness.builder()
			.policies(RuntimePolicy.demo().sources())
			.agent(RuntimeTools.agent())
			.store(new DiscardingTrajectoryStore())
			.build()
			.initialize(RuntimeTools.agent(), null);
		if (!adjudication().isAllowed()) {
			throw new IllegalStateException("The demo policy must allow tool.echo");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.runtime.close();
	}

	@Benchmark
	public int runtimeEcho(Client client) throws IOException, InterruptedException {
		HttpResponse<String> response = client.http.send(
				HttpRequest.newBuilder(this.uri).POST(HttpRequest.BodyPublishers.ofString(ECHO)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("tool.echo answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().length();
	}

	@Benchmark
	public Adjudication adjudication() {
		return this.bare.adjudicate(Stage.PRE_TOOL, Role.MODEL,
				new ToolRequestContent("tool__echo", Map.of("message", "hello")));
	}

	/**
	 * One HTTP client, so one connection, per benchmark thread.
	 */
	@State(Scope.Thread)
	public static class Client {

		final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	}

}
