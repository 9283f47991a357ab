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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.sondera.harness.audit.AuditLogVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ToolRuntime} over real HTTP: the seed's contract for {@code POST /v1/tool}.
 *
 * @author Sondera
 */
class ToolRuntimeTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	@TempDir
	Path directory;

	private ToolRuntime start(RuntimePolicy policy, Set<String> allowedHosts) {
		return ToolRuntime.start(new RuntimeOptions("127.0.0.1", 0, policy, allowedHosts, this.directory.resolve("data")));
	}

	private Answer post(ToolRuntime runtime, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.url() + "/v1/tool"))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), JSON.readTree(response.body()),
				response.headers().firstValue(ToolRuntime.TRAJECTORY_HEADER).orElse(null));
	}

	@Test
	void echoIsAllowedAndRunShellAndUnknownKindsAreDeniedAndAudited() throws Exception {
		try (ToolRuntime runtime = start(RuntimePolicy.demo(), Set.of())) {
			Answer echo = post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"hello\"}}");
			assertThat(echo.status()).isEqualTo(200);
			assertThat(echo.body().get("decision").asText()).isEqualTo("allow");
			assertThat(echo.body().get("output").asText()).isEqualTo("hello");
			assertThat(echo.body().get("policy_ref").asText()).isEqualTo("embedded:demo");
			assertThat(echo.body().get("audit_id").asText()).isNotBlank();

			Answer shell = post(runtime, "{\"kind\": \"tool.shell\", \"params\": {\"command\": \"rm -rf /\"}}");
			assertThat(shell.status()).isEqualTo(403);
			assertThat(shell.body().get("decision").asText()).isEqualTo("deny");
			assertThat(shell.body().get("reason").asText()).contains("demo-deny-shell");
			assertThat(shell.body().has("output")).isFalse();
			assertThat(shell.body().get("audit_id").asText()).isNotBlank().isNotEqualTo(echo.body().get("audit_id").asText());

			Answer unknown = post(runtime, "{\"kind\": \"tool.delete_everything\", \"params\": {}}");
			assertThat(unknown.status()).isEqualTo(403);
			assertThat(unknown.body().get("reason").asText()).contains("tool__delete_everything");
			assertThat(unknown.body().get("audit_id").asText()).isNotBlank();

			Answer extra = post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"hi\", \"sudo\": true}}");
			assertThat(extra.status()).isEqualTo(403);
		}
		assertThat(AuditLogVerifier.verify(this.directory.resolve("data/audit/audit.jsonl")).valid()).isTrue();
	}

	@Test
	void malformedRequestsAreRejectedAndTheRuntimeKeepsServing() throws Exception {
		try (ToolRuntime runtime = start(RuntimePolicy.demo(), Set.of())) {
			List<String> bodies = List.of("{not json", "", "[1, 2]", "{\"params\": {}}", "{\"kind\": 7}",
					"{\"kind\": \"tool.echo\", \"params\": [\"hello\"]}", "{\"kind\": \"tool..echo\"}",
					"{\"kind\": \"tool__echo\"}", "{\"kind\": \"tool.echo\", \"params\": {\"message\": \""
							+ "x".repeat(1024 * 1024) + "\"}}");
			for (String body : bodies) {
				Answer answer = post(runtime, body);
				assertThat(answer.status()).as(abbreviate(body)).isEqualTo(400);
				assertThat(answer.body().get("error").asText()).as(abbreviate(body)).isNotBlank().doesNotContain("Exception");
			}
			HttpResponse<String> health = this.client.send(
					HttpRequest.newBuilder(URI.create(runtime.url() + "/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
			HttpResponse<String> elsewhere = this.client.send(
					HttpRequest.newBuilder(URI.create(runtime.url() + "/v2/tool")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(elsewhere.statusCode()).isEqualTo(404);
			assertThat(JSON.readTree(elsewhere.body()).get("error").asText()).contains("POST /v1/tool");
			assertThat(post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"still here\"}}").status())
				.isEqualTo(200);
		}
	}

	@Test
	void httpGetRunsOnlyForAllowlistedHosts() throws Exception {
		ToolRuntime closed = start(RuntimePolicy.demo(), Set.of());
		AtomicInteger hits = new AtomicInteger();
		HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		upstream.createContext("/", (exchange) -> {
			hits.incrementAndGet();
			byte[] body = "upstream says hi".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		upstream.start();
		String call = "{\"kind\": \"tool.http_get\", \"params\": {\"url\": \"http://127.0.0.1:"
				+ upstream.getAddress().getPort() + "/data\"}}";
		try {
			try (closed) {
				Answer refused = post(closed, call);
				assertThat(refused.status()).isEqualTo(403);
				assertThat(refused.body().get("reason").asText()).contains("--allowed-domains");
			}
			try (ToolRuntime other = start(RuntimePolicy.demo(), Set.of("api.example.com"))) {
				assertThat(post(other, call).body().get("reason").asText()).contains("not in the allowlist");
			}
			assertThat(hits).hasValue(0);
			try (ToolRuntime open = start(RuntimePolicy.demo(), Set.of("127.0.0.1"))) {
				Answer fetched = post(open, call);
				assertThat(fetched.status()).isEqualTo(200);
				assertThat(fetched.body().get("output").get("status").asInt()).isEqualTo(200);
				assertThat(fetched.body().get("output").get("body").asText()).isEqualTo("upstream says hi");
			}
			assertThat(hits).hasValue(1);
		}
		finally {
			upstream.stop(0);
		}
	}

	@Test
	void aDirectoryPolicyDecidesAndTheTrajectoryHeaderContinuesATrajectory() throws Exception {
		Path policies = Files.createDirectories(this.directory.resolve("policies"));
		Files.writeString(policies.resolve("echo.cedar"), """
				@id("echo") permit(principal, action == Runtime::Action::"tool__echo", resource);
				@id("echo-no-secrets")
				forbid(principal, action == Runtime::Action::"tool__echo", resource)
				when { context has parameters && context.parameters.message like "*secret*" };
				@id("two-calls-per-trajectory")
				forbid(principal, action, resource) when { resource.step_count > 3 };
				""");
		try (ToolRuntime runtime = start(RuntimePolicy.directory(policies), Set.of())) {
			Answer first = post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"hi\"}}");
			assertThat(first.status()).isEqualTo(200);
			assertThat(first.body().get("policy_ref").asText()).isEqualTo("dir:" + policies.toAbsolutePath().normalize());
			assertThat(post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"a secret\"}}").status())
				.isEqualTo(403);
			Answer own = post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"one\"}}",
					ToolRuntime.TRAJECTORY_HEADER, "client-a");
			assertThat(own.status()).isEqualTo(200);
			assertThat(own.trajectory()).isNotEqualTo(first.trajectory());
			Answer again = post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"two\"}}",
					ToolRuntime.TRAJECTORY_HEADER, own.trajectory());
			assertThat(again.trajectory()).isEqualTo(own.trajectory());
			Answer third = post(runtime, "{\"kind\": \"tool.echo\", \"params\": {\"message\": \"three\"}}",
					ToolRuntime.TRAJECTORY_HEADER, own.trajectory());
			assertThat(third.status()).isEqualTo(403);
			assertThat(third.body().get("reason").asText()).contains("two-calls-per-trajectory");
		}
	}

	@Test
	void concurrentCallsAreAllAnsweredAndAudited() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try (ToolRuntime runtime = start(RuntimePolicy.demo(), Set.of())) {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				String kind = (i % 4 == 0) ? "tool.shell" : "tool.echo";
				String body = "{\"kind\": \"" + kind + "\", \"params\": {\"" + ((i % 4 == 0) ? "command" : "message")
						+ "\": \"m" + i + "\"}}";
				statuses.add(pool.submit(() -> post(runtime, body).status()));
			}
			int allowed = 0;
			int denied = 0;
			for (Future<Integer> status : statuses) {
				int code = status.get();
				allowed += (code == 200) ? 1 : 0;
				denied += (code == 403) ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(1500);
			assertThat(denied).isEqualTo(500);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(AuditLogVerifier.verify(this.directory.resolve("data/audit/audit.jsonl")).valid()).isTrue();
	}

	private static String abbreviate(String body) {
		return (body.length() < 60) ? body : body.substring(0, 60) + "...";
	}

	private record Answer(int status, JsonNode body, String trajectory) {
	}

}
