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
package com.example.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.mcpclient.McpClientAgent;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ai.sondera.spring.ai.tool.StartupToolValidator;
import ai.sondera.spring.ai.tool.ToolGuardReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real MCP server (Streamable HTTP on a random port) with the starter, called by a
 * real MCP client: every way of declaring a server tool is under policy.
 */
class McpServerPolicyTests {

	private static ConfigurableApplicationContext server;

	private static String url;

	@BeforeAll
	static void startServer() {
		server = new SpringApplicationBuilder(McpShopServer.class)
			.properties("server.port=0", "spring.application.name=mcp-shop", "sondera.agent.name=McpShop",
					"sondera.cedar.policies=classpath:mcp-policies/", "sondera.audit.enabled=false",
					"spring.ai.mcp.server.name=mcp-shop", "spring.ai.mcp.server.protocol=STREAMABLE")
			.run();
		url = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void forget() {
		McpShopServer.RAN.clear();
	}

	private static McpSyncClient client() {
		return client("test-client");
	}

	private static McpSyncClient client(String name) {
		McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(url).build())
			.clientInfo(new Implementation(name, "1.0"))
			.requestTimeout(Duration.ofSeconds(20))
			.build();
		client.initialize();
		return client;
	}

	private static String text(CallToolResult result) {
		return result.content().stream().map((content) -> ((TextContent) content).text()).reduce("", String::concat);
	}

	private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		return client.callTool(new CallToolRequest(tool, arguments));
	}

	@Test
	void everyWayOfDeclaringAToolIsUnderPolicy() {
		try (McpSyncClient client = client()) {
			Map<String, Map<String, Object>> denied = Map.of("order", Map.of("item", "forbidden fruit", "quantity", 1),
					"lookup", Map.of("name", "forbidden"), "refund", Map.of("order", "forbidden-1"), "ship",
					Map.of("address", "forbidden street"), "echo", Map.of("text", "forbidden"));
			denied.forEach((tool, arguments) -> {
				CallToolResult result = call(client, tool, arguments);
				assertThat(result.isError()).as(tool).isTrue();
				assertThat(text(result)).as(tool)
					.contains("was denied by policy")
					.contains("[no-forbidden-words] Forbidden words are not allowed");
			});
			assertThat(McpShopServer.RAN).isEmpty();
		}
		// a new session: the denials above count as steps of the first session's trajectory
		try (McpSyncClient client = client()) {
			Map<String, Map<String, Object>> allowed = Map.of("order", Map.of("item", "pears", "quantity", 2), "lookup",
					Map.of("name", "ana"), "refund", Map.of("order", "o-7"), "ship", Map.of("address", "main street"),
					"echo", Map.of("text", "hi"));
			allowed.forEach((tool, arguments) -> {
				CallToolResult result = call(client, tool, arguments);
				assertThat(result.isError()).as(tool).isNotEqualTo(Boolean.TRUE);
			});
			assertThat(McpShopServer.RAN).containsExactlyInAnyOrder("order pears 2", "lookup ana", "refund o-7",
					"ship main street", "echo hi");
		}
	}

	@Test
	void deniedResultIsReplaced() {
		try (McpSyncClient client = client()) {
			CallToolResult result = call(client, "vault", Map.of());
			assertThat(McpShopServer.RAN).containsExactly("vault");
			assertThat(result.isError()).isTrue();
			assertThat(text(result)).contains("[no-secrets]").doesNotContain("SECRET-42");
		}
	}

	@Test
	void escalationsGoToTheApprovalHandler() {
		try (McpSyncClient client = client()) {
			assertThat(call(client, "order", Map.of("item", "chairs", "quantity", 20)).isError()).isNotEqualTo(true);
			CallToolResult rejected = call(client, "order", Map.of("item", "tables", "quantity", 20));
			assertThat(rejected.isError()).isTrue();
			assertThat(text(rejected)).contains("Escalation rejected by ops: not that");
			assertThat(McpShopServer.RAN).containsExactly("order chairs 20");
		}
	}

	@Test
	void eachSessionHasItsOwnTrajectory() {
		try (McpSyncClient first = client(); McpSyncClient second = client()) {
			// each call is two steps (PRE_TOOL, POST_TOOL): the seventh starts at step 13
			for (int i = 0; i < 6; i++) {
				assertThat(call(first, "lookup", Map.of("name", "n" + i)).isError()).isNotEqualTo(true);
			}
			CallToolResult seventh = call(first, "lookup", Map.of("name", "n6"));
			assertThat(seventh.isError()).isTrue();
			assertThat(text(seventh)).contains("[lookups-per-session]");
			assertThat(call(second, "lookup", Map.of("name", "m0")).isError()).isNotEqualTo(true);
		}
	}

	@Test
	void malformedAndHugeArgumentsGetAnErrorResultAndTheServerKeepsServing() {
		try (McpSyncClient client = client()) {
			CallToolResult malformed = call(client, "order", Map.of("item", "pears", "quantity", "many"));
			assertThat(malformed.isError()).isTrue();
			CallToolResult undeclared = call(client, "echo", Map.of("text", "hi", "extra", Map.of("nested", 1)));
			assertThat(undeclared.isError()).isTrue();
			assertThat(text(undeclared)).contains("Invalid arguments for tool 'echo'");
			CallToolResult huge = call(client, "lookup", Map.of("name", "x".repeat(1024 * 1024) + "forbidden"));
			assertThat(huge.isError()).isTrue();
			assertThat(call(client, "lookup", Map.of("name", "ana")).isError()).isNotEqualTo(true);
			assertThat(McpShopServer.RAN).containsExactly("lookup ana");
		}
	}

	@Test
	void nothingOfOursReachesARemoteMcpServer() {
		McpShopServer.ECHO_META.clear();
		try (ConfigurableApplicationContext agent = new SpringApplicationBuilder(McpClientAgent.class)
			.properties("spring.main.web-application-type=none", "spring.ai.mcp.server.enabled=false",
					"spring.application.name=mcp-agent", "sondera.audit.enabled=false",
					"sondera.cedar.policies=classpath:mcp-agent-policies/",
					"spring.ai.mcp.client.streamable-http.connections.shop.url=" + url)
			.run()) {
			String answer = agent.getBean(ChatClient.Builder.class)
				.build()
				.prompt()
				.user("echo something")
				.toolCallbacks(agent.getBean(ToolCallbackProvider.class))
				.toolContext(Map.of("tenant", "acme"))
				.call()
				.content();
			assertThat(answer).contains("echo from the agent");
		}
		assertThat(McpShopServer.ECHO_META).singleElement()
			.satisfies((meta) -> assertThat(meta).containsEntry("tenant", "acme")
				.allSatisfy((key, value) -> assertThat(key).doesNotStartWith("sondera")));
	}

	@Test
	void startupReportsWhereEachToolIsGuarded() {
		Map<String, ToolGuardReport> reports = server.getBean(StartupToolValidator.class)
			.reports()
			.stream()
			.collect(Collectors.toMap(ToolGuardReport::tool, (report) -> report));
		assertThat(reports.get("ship").guardedAt()).containsExactly(ToolGuardReport.MCP_SERVER);
		assertThat(reports.get("echo").guardedAt()).containsExactly(ToolGuardReport.MCP_SERVER);
		assertThat(reports.get("order").guardedAt()).containsExactly(ToolGuardReport.CHAT_CLIENT,
				ToolGuardReport.DIRECT_CALL, ToolGuardReport.MCP_SERVER);
		assertThat(reports.get("lookup").guardedAt()).containsExactly(ToolGuardReport.CHAT_CLIENT,
				ToolGuardReport.MCP_SERVER);
		assertThat(reports.get("lookup").notGuarded()).contains("direct method calls (the class is not a Spring bean)");
	}

	@Test
	void policiesTellMcpClientsApart() {
		try (McpSyncClient untrusted = client("untrusted-ide"); McpSyncClient trusted = client("trusted-ide")) {
			CallToolResult denied = call(untrusted, "refund", Map.of("order", "o-1"));
			assertThat(denied.isError()).isTrue();
			assertThat(text(denied)).contains("[no-refunds-for-untrusted-clients]");
			assertThat(call(trusted, "refund", Map.of("order", "o-2")).isError()).isNotEqualTo(true);
			assertThat(McpShopServer.RAN).containsExactly("refund o-2");
		}
	}

	@Test
	void toolsAddedToTheServerAtRunTimeAreUnderPolicy() {
		McpSchema.Tool tool = McpSchema.Tool
			.builder("late", Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))))
			.description("A tool added after startup")
			.build();
		server.getBean(McpSyncServer.class).addTool(new SyncToolSpecification(tool, (exchange, request) -> {
			McpShopServer.RAN.add("late " + request.arguments().get("text"));
			return CallToolResult.builder().content(List.of(new TextContent("late"))).build();
		}));
		try (McpSyncClient client = client()) {
			assertThat(call(client, "late", Map.of("text", "forbidden")).isError()).isTrue();
			assertThat(call(client, "late", Map.of("text", "fine")).isError()).isNotEqualTo(true);
		}
		assertThat(McpShopServer.RAN).containsExactly("late fine");
	}

}
