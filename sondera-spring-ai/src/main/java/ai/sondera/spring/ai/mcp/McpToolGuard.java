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
package ai.sondera.spring.ai.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.tool.definition.ToolDefinition;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ai.sondera.harness.Caller;
import ai.sondera.harness.Harness;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.json.ModelJson;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.ToolCallGuard;
import ai.sondera.spring.ai.tool.ToolDefinitionSource;
import ai.sondera.spring.ai.verdict.VerdictAction;

/**
 * Puts every tool of an MCP server under policy, whichever way it was declared: each
 * tool specification the server is built from gets a call handler that adjudicates
 * PRE_TOOL on the arguments and POST_TOOL on the result, in one trajectory per MCP
 * session (so {@code step_count} policies work for MCP clients), whose caller (see
 * {@link McpCallerResolver}) policies read as {@code context.caller}. A denial reaches the
 * client as a tool result with {@code isError} and the reason (the steer text, or the
 * block text), never as a transport failure; an escalation goes to the approval
 * handlers as elsewhere.
 *
 * @author Sondera
 */
public class McpToolGuard implements ToolDefinitionSource {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final int MAX_SESSIONS = 10_000;

	private final Harness harness;

	private final AgentToolCatalog catalog;

	private final ToolCallGuard guard;

	private final McpCallerResolver callers;

	private final Map<String, ToolDefinition> tools = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<String, Trajectory> sessions = Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Trajectory> eldest) {
				return size() > MAX_SESSIONS;
			}
		});

	/**
	 * Create a guard.
	 * @param harness opens the trajectory of each MCP session
	 * @param catalog the agent's tools
	 * @param guard the tool checkpoint
	 * @param callers works out who is calling, for {@code context.caller}
	 */
	public McpToolGuard(Harness harness, AgentToolCatalog catalog, ToolCallGuard guard, McpCallerResolver callers) {
		this.harness = Objects.requireNonNull(harness, "'harness' must not be null");
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.guard = Objects.requireNonNull(guard, "'guard' must not be null");
		this.callers = Objects.requireNonNull(callers, "'callers' must not be null");
	}

	/**
	 * Return a specification of the same tool whose calls are under policy.
	 * @param specification the server's specification
	 * @return the guarded specification (the same one if it already is)
	 */
	public SyncToolSpecification guard(SyncToolSpecification specification) {
		if (specification.callHandler() instanceof GuardedSyncHandler) {
			return specification;
		}
		register(specification.tool());
		return new SyncToolSpecification(specification.tool(),
				new GuardedSyncHandler(specification.tool().name(), specification.callHandler()));
	}

	/**
	 * Return a specification of the same tool whose calls are under policy; the checks
	 * run on a worker thread, never on the event loop.
	 * @param specification the server's specification
	 * @return the guarded specification (the same one if it already is)
	 */
	public AsyncToolSpecification guard(AsyncToolSpecification specification) {
		if (specification.callHandler() instanceof GuardedAsyncHandler) {
			return specification;
		}
		register(specification.tool());
		return new AsyncToolSpecification(specification.tool(),
				new GuardedAsyncHandler(specification.tool().name(), specification.callHandler()));
	}

	@Override
	public List<ToolDefinition> toolDefinitions() {
		synchronized (this.tools) {
			return new ArrayList<>(this.tools.values());
		}
	}

	private void register(Tool tool) {
		this.tools.put(tool.name(), ToolDefinition.builder()
			.name(tool.name())
			.description((tool.description() != null) ? tool.description() : "")
			.inputSchema(json((tool.inputSchema() != null) ? tool.inputSchema() : Map.of("type", "object")))
			.build());
	}

	private static String json(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The JSON schema of an MCP tool is not JSON: " + ex.getMessage(), ex);
		}
	}

	private CallToolResult call(String name, @Nullable String sessionId, Caller caller, CallToolRequest request,
			ToolCallGuard.Invocation<CallToolResult> tool) {
		Trajectory trajectory = trajectory(name, sessionId, caller);
		return this.guard.guard(name, () -> (request.arguments() != null) ? request.arguments() : Map.of(), trajectory,
				tool, McpToolGuard::resultView, McpToolGuard::denied);
	}

	private Trajectory trajectory(String name, @Nullable String sessionId, Caller caller) {
		if (sessionId == null) {
			return this.harness.initialize(agent(name), null, caller);
		}
		synchronized (this.sessions) {
			return this.sessions.computeIfAbsent(sessionId,
					(id) -> this.harness.initialize(agent(name), "mcp-session:" + id, caller));
		}
	}

	private ai.sondera.harness.Agent agent(String name) {
		ToolDefinition definition = this.tools.get(name);
		return (definition != null) ? this.catalog.include(List.of(definition)) : this.catalog.agent();
	}

	/**
	 * The result as the policies see it: the structured content when there is one,
	 * otherwise the text of the result (as JSON when it is JSON).
	 */
	private static Object resultView(CallToolResult result) {
		if (result.structuredContent() != null) {
			return ModelJson.toJsonValue(result.structuredContent());
		}
		StringBuilder text = new StringBuilder();
		for (Content content : (result.content() != null) ? result.content() : List.<Content>of()) {
			if (content instanceof TextContent textContent) {
				text.append(textContent.text());
			}
		}
		return ModelJson.readResult(text.toString());
	}

	private static CallToolResult denied(VerdictAction action) {
		String text;
		try {
			text = action.replacement();
		}
		catch (RuntimeException ex) {
			text = ex.getMessage();
		}
		return CallToolResult.builder().content(List.of(new TextContent(text))).isError(true).build();
	}

	private final class GuardedSyncHandler
			implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

		private final String name;

		private final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> delegate;

		GuardedSyncHandler(String name, BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> delegate) {
			this.name = name;
			this.delegate = delegate;
		}

		@Override
		public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
			Caller caller = (exchange != null)
					? McpToolGuard.this.callers.resolve(exchange.getClientInfo(), exchange.transportContext())
					: McpToolGuard.this.callers.resolve(null, null);
			return call(this.name, (exchange != null) ? exchange.sessionId() : null, caller, request,
					() -> this.delegate.apply(exchange, request));
		}

	}

	private final class GuardedAsyncHandler
			implements BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> {

		private final String name;

		private final BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> delegate;

		GuardedAsyncHandler(String name,
				BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> delegate) {
			this.name = name;
			this.delegate = delegate;
		}

		@Override
		public Mono<CallToolResult> apply(McpAsyncServerExchange exchange, CallToolRequest request) {
			return Mono
				.fromCallable(() -> call(this.name, (exchange != null) ? exchange.sessionId() : null,
						(exchange != null)
								? McpToolGuard.this.callers.resolve(exchange.getClientInfo(), exchange.transportContext())
								: McpToolGuard.this.callers.resolve(null, null),
						request, () -> this.delegate.apply(exchange, request).block()))
				.subscribeOn(Schedulers.boundedElastic());
		}

	}

}
