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
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same MCP server over the SSE transport (Spring AI's default): the guard does not
 * depend on the transport.
 */
class McpSseServerPolicyTests {

	@Test
	void toolsAreUnderPolicyOverSse() {
		McpShopServer.RAN.clear();
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(McpShopServer.class)
			.properties("server.port=0", "spring.application.name=mcp-shop", "sondera.agent.name=McpShop",
					"sondera.cedar.policies=classpath:mcp-policies/", "sondera.audit.enabled=false",
					"spring.ai.mcp.server.protocol=SSE", "server.shutdown=immediate")
			.run();
				McpSyncClient client = McpClient
					.sync(HttpClientSseClientTransport
						.builder("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
						.build())
					.requestTimeout(Duration.ofSeconds(20))
					.build()) {
			client.initialize();
			CallToolResult denied = client.callTool(new CallToolRequest("ship", Map.of("address", "forbidden road")));
			assertThat(denied.isError()).isTrue();
			assertThat(((TextContent) denied.content().get(0)).text()).contains("[no-forbidden-words]");
			assertThat(client.callTool(new CallToolRequest("ship", Map.of("address", "main street"))).isError())
				.isNotEqualTo(true);
		}
		assertThat(McpShopServer.RAN).containsExactly("ship main street");
	}

}
