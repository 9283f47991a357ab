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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.server.DataDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy-gated tool runtime: {@code POST /v1/tool} runs a tool only when policy allows
 * it, {@code GET /health} answers {@code {"status":"ok"}}. Each call is PRE_TOOL then (if
 * run) POST_TOOL in one trajectory per runtime process, or in the trajectory named by an
 * {@code X-Sondera-Trajectory} request header; every answer carries that header with the
 * trajectory's id.
 *
 * @author Sondera
 */
public final class ToolRuntime implements AutoCloseable {

	/** The header that names, and continues, a trajectory. */
	public static final String TRAJECTORY_HEADER = "X-Sondera-Trajectory";

	private static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final int MAX_TRAJECTORIES = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(ToolRuntime.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	static {
		// Without TCP_NODELAY every small answer waits for the client's delayed ACK (~40 ms).
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final DataDirectory data;

	private final CedarPolicyHarness harness;

	private final Agent agent;

	private final Trajectory processTrajectory;

	private final Map<String, Trajectory> trajectories = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Trajectory> eldest) {
			return size() > MAX_TRAJECTORIES;
		}

	};

	private final Map<String, RuntimeTool> tools;

	private final ReadWriteLock policyLock = new ReentrantReadWriteLock();

	private ToolGate gate;

	private ToolRuntime(RuntimeOptions options) {
		List<RuntimeTool> tools = RuntimeTools.builtIns(options.allowedHosts());
		this.agent = RuntimeTools.agent(tools);
		this.data = new DataDirectory(options.data());
		this.harness = this.data.harness(options.policy().sources(), this.agent);
		this.processTrajectory = this.harness.initialize(this.agent, null);
		this.tools = tools.stream().collect(Collectors.toMap(RuntimeTool::kind, Function.identity()));
		this.gate = new ToolGate(this.tools, options.policy().ref());
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(16, (task) -> {
			Thread thread = new Thread(task, "sondera-runtime-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
		}
		catch (IOException ex) {
			this.data.close();
			throw new UncheckedIOException("Could not listen on " + options.host() + ":" + options.port(), ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/tool", this::tool);
		this.server.createContext("/health", this::health);
		this.server.createContext("/", this::notFound);
		this.server.start();
	}

	/**
	 * Start a runtime.
	 * @param options the options
	 * @return the running runtime
	 */
	public static ToolRuntime start(RuntimeOptions options) {
		return new ToolRuntime(options);
	}

	/**
	 * Return the port the runtime listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the base URL of the runtime, for example {@code http://127.0.0.1:7777}.
	 * @return the URL
	 */
	public String url() {
		return "http://" + this.server.getAddress().getHostString() + ":" + port();
	}

	private void notFound(HttpExchange exchange) throws IOException {
		try (exchange) {
			send(exchange, 404, Map.of("error", "no such path; tool calls go to POST /v1/tool"));
		}
	}

	private void health(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				send(exchange, 405, Map.of("error", "use GET /health"));
				return;
			}
			send(exchange, 200, Map.of("status", "ok"));
		}
	}

	private void tool(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"/v1/tool".equals(exchange.getRequestURI().getPath())) {
				notFound(exchange);
				return;
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				send(exchange, 405, Map.of("error", "use POST /v1/tool"));
				return;
			}
			ToolCallOutcome outcome;
			Trajectory trajectory = null;
			try {
				ToolCall call = read(exchange.getRequestBody());
				trajectory = trajectory(exchange.getRequestHeaders().getFirst(TRAJECTORY_HEADER));
				outcome = call(trajectory, call);
			}
			catch (IllegalArgumentException ex) {
				outcome = ToolCallOutcome.badRequest(ex.getMessage());
			}
			catch (RuntimeException ex) {
				logger.warn("Tool call failed and was denied", ex);
				outcome = ToolCallOutcome.denied("The runtime could not decide, so it denies: " + ex.getMessage(),
						policyRef(), null);
			}
			if (trajectory != null) {
				exchange.getResponseHeaders().set(TRAJECTORY_HEADER, trajectory.id());
			}
			send(exchange, outcome.status(), outcome.body());
		}
	}

	private ToolCallOutcome call(Trajectory trajectory, ToolCall call) {
		this.policyLock.readLock().lock();
		try {
			return this.gate.call(trajectory, call.kind(), call.params());
		}
		finally {
			this.policyLock.readLock().unlock();
		}
	}

	/**
	 * Return the reference of the policies deciding now.
	 * @return the policy reference, for example {@code bundle:acme@1.0.0}
	 */
	public String policyRef() {
		this.policyLock.readLock().lock();
		try {
			return this.gate.policyRef();
		}
		finally {
			this.policyLock.readLock().unlock();
		}
	}

	/**
	 * Decide with other policies from the next call on; calls in flight finish with the
	 * policies they started with. If the policies do not load, nothing changes.
	 * @param policy the policies
	 * @return the version of the policies now deciding
	 * @throws ai.sondera.harness.policy.PolicyLoadException naming policy, file and line
	 * if they do not load
	 */
	public long switchTo(RuntimePolicy policy) {
		long version;
		this.policyLock.writeLock().lock();
		try {
			version = this.harness.reload(policy.sources());
			this.gate = new ToolGate(this.tools, policy.ref());
		}
		finally {
			this.policyLock.writeLock().unlock();
		}
		logger.info("Now deciding with {}", policy.ref());
		return version;
	}

	private static ToolCall read(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
		if (bytes.length > MAX_BODY_BYTES) {
			throw new IllegalArgumentException("The request body is over " + MAX_BODY_BYTES + " bytes");
		}
		JsonNode request;
		try {
			request = JSON.readTree(bytes);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The request body is not JSON: " + ex.getOriginalMessage());
		}
		if (request == null || !request.isObject()) {
			throw new IllegalArgumentException(
					"The request body must be a JSON object such as {\"kind\": \"tool.echo\", \"params\": {}}");
		}
		JsonNode kind = request.get("kind");
		if (kind == null || !kind.isTextual() || kind.asText().isEmpty()) {
			throw new IllegalArgumentException("'kind' is missing: give the tool kind as a string, e.g. \"tool.echo\"");
		}
		JsonNode params = request.get("params");
		if (params != null && !params.isNull() && !params.isObject()) {
			throw new IllegalArgumentException("'params' must be a JSON object, but was " + params.getNodeType());
		}
		Map<String, Object> values = (params == null || params.isNull()) ? Map.of()
				: JSON.convertValue(params, ToolCall.PARAMS);
		return new ToolCall(kind.asText(), values);
	}

	private Trajectory trajectory(String id) {
		if (id == null || id.isBlank() || id.equals(this.processTrajectory.id())) {
			return this.processTrajectory;
		}
		synchronized (this.trajectories) {
			Trajectory trajectory = this.trajectories.get(id);
			if (trajectory == null) {
				trajectory = resumeOrCreate(id);
				this.trajectories.put(trajectory.id(), trajectory);
			}
			return trajectory;
		}
	}

	private Trajectory resumeOrCreate(String id) {
		try {
			return this.harness.resume(id, this.agent);
		}
		catch (RuntimeException ex) {
			return this.harness.initialize(this.agent, id);
		}
	}

	private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * Stop: no new calls, calls in flight get a second to finish, the audit log is closed.
	 */
	@Override
	public void close() {
		this.server.stop(1);
		this.executor.shutdownNow();
		this.data.close();
	}

	/**
	 * The parsed request.
	 */
	private record ToolCall(String kind, Map<String, Object> params) {

		static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
		};

	}

}
