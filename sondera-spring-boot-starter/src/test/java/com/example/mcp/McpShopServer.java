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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalHandler;

/**
 * An MCP server with the starter and tools declared every way Spring AI offers; every
 * tool that really ran is in {@link #RAN}.
 */
@SpringBootApplication
public class McpShopServer {

	/** The tools that ran, with their arguments. */
	static final List<String> RAN = new CopyOnWriteArrayList<>();

	/** The {@code _meta} of every call of {@code echo}, as the server received it. */
	static final List<Map<String, Object>> ECHO_META = new CopyOnWriteArrayList<>();

	/** {@code @Tool} methods of a bean, exposed with a {@link MethodToolCallbackProvider}. */
	public static class BeanTools {

		@Tool(description = "Order an item")
		public String order(String item, int quantity) {
			RAN.add("order " + item + " " + quantity);
			return "ordered " + quantity + " " + item;
		}

		@Tool(description = "Read the vault")
		public String vault() {
			RAN.add("vault");
			return "the code is SECRET-42";
		}

	}

	/** {@code @Tool} methods of a plain object, not a bean. */
	public static class PlainTools {

		@Tool(description = "Look a customer up")
		public String lookup(String name) {
			RAN.add("lookup " + name);
			return "customer " + name;
		}

	}

	/** An {@code @McpTool} method of a bean. */
	@Component
	public static class AnnotatedTools {

		@McpTool(name = "ship", description = "Ship a parcel")
		public String ship(String address) {
			RAN.add("ship " + address);
			return "shipped to " + address;
		}

	}

	@Bean
	BeanTools beanTools() {
		return new BeanTools();
	}

	@Bean
	ToolCallbackProvider beanToolProvider(BeanTools tools) {
		return MethodToolCallbackProvider.builder().toolObjects(tools).build();
	}

	@Bean
	ToolCallbackProvider plainToolProvider() {
		return MethodToolCallbackProvider.builder().toolObjects(new PlainTools()).build();
	}

	@Bean
	ToolCallback refund() {
		return FunctionToolCallback.<RefundRequest, String>builder("refund", (input) -> {
			RAN.add("refund " + input.order());
			return "refunded " + input.order();
		}).description("Refund an order").inputType(RefundRequest.class).build();
	}

	/** A tool specification registered with the server directly. */
	@Bean
	List<SyncToolSpecification> rawSpecifications() {
		McpSchema.Tool tool = McpSchema.Tool.builder("echo", Map.of("type", "object", "properties",
				Map.of("text", Map.of("type", "string")))).description("Echo a text").build();
		return List.of(new SyncToolSpecification(tool, (exchange, request) -> {
			RAN.add("echo " + request.arguments().get("text"));
			ECHO_META.add((request.meta() != null) ? request.meta() : Map.of());
			return CallToolResult.builder().content(List.of(new TextContent("echo " + request.arguments().get("text"))))
				.build();
		}));
	}

	@Bean
	ApprovalHandler ops() {
		return (request) -> CompletableFuture.completedFuture(String.valueOf(request.arguments().get("item")).equals("chairs")
				? ApprovalDecision.approve("ops", "ok") : ApprovalDecision.reject("ops", "not that"));
	}

	/**
	 * The arguments of {@code refund}.
	 *
	 * @param order the order id
	 */
	public record RefundRequest(String order) {
	}

}
