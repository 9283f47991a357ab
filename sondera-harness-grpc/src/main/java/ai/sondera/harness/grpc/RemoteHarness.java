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
package ai.sondera.harness.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Harness;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.grpc.wire.harness.v1.CreateTrajectoryRequest;
import ai.sondera.harness.grpc.wire.harness.v1.GetAgentRequest;
import ai.sondera.harness.grpc.wire.harness.v1.GetTrajectoryRequest;
import ai.sondera.harness.grpc.wire.harness.v1.GetTrajectoryResponse;
import ai.sondera.harness.grpc.wire.harness.v1.HarnessServiceGrpc;
import ai.sondera.harness.grpc.wire.harness.v1.ListAgentsRequest;
import ai.sondera.harness.grpc.wire.harness.v1.RegisterAgentRequest;
import ai.sondera.harness.grpc.wire.harness.v1.UpdateTrajectoryStatusRequest;

/**
 * A {@link Harness} whose decisions are made by a remote harness over the Sondera wire
 * (the Sondera Platform, or a {@link HarnessGrpcService}): initialize is RegisterAgent and
 * CreateTrajectory, each adjudication an AddTrajectoryStep, finish and fail
 * UpdateTrajectoryStatus (the failure reason stays client side, as the wire has no place
 * for it), resume GetTrajectory and UpdateTrajectoryStatus RUNNING. The token travels as
 * {@code authorization: Bearer <token>} (or bare in another header), over TLS unless
 * turned off, with a deadline on every call; read calls are retried while the server is
 * briefly unavailable, writes never are. A call that fails (server unreachable,
 * deadline exceeded, {@code UNAUTHENTICATED}, a malformed answer) denies, with the cause
 * in the reason, unless fail-open is set. An ESCALATE keeps its argument Java to Java.
 *
 * @author Sondera
 */
public final class RemoteHarness implements Harness, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RemoteHarness.class);

	/**
	 * Read RPCs are retried when the server is briefly unavailable; AddTrajectoryStep and
	 * the other writes are not (a retried step would be recorded twice).
	 */
	private static final Map<String, Object> READ_RETRIES = Map.of("methodConfig", List.of(Map.of("name",
			List.of(read("GetAgent"), read("GetTrajectory"), read("ListTrajectories"), read("ListAgents"),
					read("ListAdjudications"), read("AnalyzeTrajectories")),
			"retryPolicy", Map.of("maxAttempts", 3.0, "initialBackoff", "0.1s", "maxBackoff", "1s",
					"backoffMultiplier", 2.0, "retryableStatusCodes", List.of("UNAVAILABLE")))));

	private static Map<String, Object> read(String method) {
		return Map.of("service", "sondera.harness.v1.HarnessService", "method", method);
	}

	private final ManagedChannel channel;

	private final HarnessServiceGrpc.HarnessServiceBlockingStub stub;

	private final Duration timeout;

	private final boolean failOpen;

	private final String endpoint;

	private RemoteHarness(Builder builder) {
		this.endpoint = builder.endpoint;
		ChannelCredentials credentials = builder.secure ? tls(builder.trustCertificates)
				: InsecureChannelCredentials.create();
		this.channel = Grpc.newChannelBuilder(builder.endpoint, credentials)
			.defaultServiceConfig(READ_RETRIES)
			.enableRetry()
			.build();
		Metadata headers = new Metadata();
		boolean authorization = builder.header.equalsIgnoreCase("authorization");
		headers.put(Metadata.Key.of(builder.header.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER),
				authorization ? "Bearer " + builder.token : builder.token);
		this.stub = HarnessServiceGrpc.newBlockingStub(this.channel)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
		this.timeout = builder.timeout;
		this.failOpen = builder.failOpen;
	}

	/**
	 * Start building a remote harness.
	 * @param endpoint the server, {@code host:port}
	 * @return a builder
	 */
	public static Builder builder(String endpoint) {
		return new Builder(endpoint);
	}

	HarnessServiceGrpc.HarnessServiceBlockingStub stub() {
		return this.stub.withDeadlineAfter(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	boolean failOpen() {
		return this.failOpen;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * If the server cannot be reached or refuses, the trajectory is still returned, but
	 * every adjudication on it denies with the cause (or allows when failing open).
	 */
	@Override
	public Trajectory initialize(Agent agent, String sessionId) {
		Objects.requireNonNull(agent, "'agent' must not be null");
		try {
			String agentId = stub().registerAgent(register(agent)).getAgent().getId();
			CreateTrajectoryRequest.Builder create = CreateTrajectoryRequest.newBuilder().setAgentId(agentId);
			if (sessionId != null) {
				create.setSessionId(sessionId);
			}
			String id = stub().createTrajectory(create.build()).getTrajectory().getId();
			return new RemoteTrajectory(this, id, agent, sessionId, 0, null);
		}
		catch (StatusRuntimeException ex) {
			logger.error("The remote harness could not start a trajectory for agent '{}': {}", agent.name(),
					ex.getStatus());
			return new RemoteTrajectory(this, "unstarted", agent, sessionId, 0, ex.getStatus());
		}
	}

	@Override
	public Trajectory resume(String trajectoryId) {
		GetTrajectoryResponse stored = load(trajectoryId);
		Agent agent = agent(stub().getAgent(GetAgentRequest.newBuilder()
			.setAgentId(stored.getTrajectory().getAgentId())
			.build()).getAgent());
		return resumed(stored, agent);
	}

	@Override
	public Trajectory resume(String trajectoryId, Agent agent) {
		return resumed(load(trajectoryId), agent);
	}

	private Trajectory resumed(GetTrajectoryResponse stored, Agent agent) {
		String id = stored.getTrajectory().getId();
		stub().updateTrajectoryStatus(UpdateTrajectoryStatusRequest.newBuilder()
			.setTrajectoryId(id)
			.setStatus(ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus.TRAJECTORY_STATUS_RUNNING)
			.build());
		return new RemoteTrajectory(this, id, agent,
				stored.getTrajectory().hasSessionId() ? stored.getTrajectory().getSessionId() : null,
				stored.getStepsCount(), null);
	}

	private GetTrajectoryResponse load(String trajectoryId) {
		try {
			return stub().getTrajectory(GetTrajectoryRequest.newBuilder().setTrajectoryId(trajectoryId).build());
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.NOT_FOUND) {
				throw new IllegalArgumentException("Trajectory " + trajectoryId + " not found in storage", ex);
			}
			throw ex;
		}
	}

	private static RegisterAgentRequest register(Agent agent) {
		RegisterAgentRequest.Builder request = RegisterAgentRequest.newBuilder()
			.setProviderId(agent.providerId())
			.setName(agent.name())
			.setDescription(agent.description())
			.setInstruction(agent.instruction());
		agent.tools().forEach((tool) -> request.addTools(WireMapping.tool(tool)));
		return request.build();
	}

	private static Agent agent(ai.sondera.harness.grpc.wire.core.v1.Agent agent) {
		return new Agent(agent.getId(), agent.getProviderId(), agent.getName(), agent.getDescription(),
				agent.getInstruction(), WireMapping.tools(agent.getToolsList()));
	}

	/**
	 * Check that the server answers and accepts the token.
	 * @throws IllegalStateException naming the endpoint and the cause if it does not
	 */
	public void check() {
		try {
			stub().listAgents(ListAgentsRequest.newBuilder().setPageSize(1).build());
		}
		catch (StatusRuntimeException ex) {
			throw new IllegalStateException("The remote harness at " + this.endpoint + " cannot be used: "
					+ ex.getStatus().getCode() + ((ex.getStatus().getDescription() != null)
							? " (" + ex.getStatus().getDescription() + ")" : ""),
					ex);
		}
	}

	/**
	 * Close the connection to the server.
	 */
	@Override
	public void close() {
		this.channel.shutdown();
		try {
			this.channel.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ChannelCredentials tls(Path trustCertificates) {
		if (trustCertificates == null) {
			return TlsChannelCredentials.create();
		}
		try {
			return TlsChannelCredentials.newBuilder().trustManager(trustCertificates.toFile()).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the trusted certificates " + trustCertificates, ex);
		}
	}

	/**
	 * Builds a {@link RemoteHarness}.
	 */
	public static final class Builder {

		private final String endpoint;

		private String token;

		private String header = "authorization";

		private boolean secure = true;

		private Duration timeout = Duration.ofSeconds(10);

		private boolean failOpen;

		private Path trustCertificates;

		private Builder(String endpoint) {
			this.endpoint = Objects.requireNonNull(endpoint, "'endpoint' must not be null");
		}

		/**
		 * Set the API token (required).
		 * @param token the token
		 * @return this builder
		 */
		public Builder token(String token) {
			this.token = token;
			return this;
		}

		/**
		 * Set the header that carries the token: {@code authorization} (the default,
		 * with {@code Bearer}), or another name that carries the bare token.
		 * @param header the header name
		 * @return this builder
		 */
		public Builder header(String header) {
			this.header = Objects.requireNonNull(header, "'header' must not be null");
			return this;
		}

		/**
		 * Set whether to use TLS (the default); turn it off only on loopback.
		 * @param secure whether to use TLS
		 * @return this builder
		 */
		public Builder secure(boolean secure) {
			this.secure = secure;
			return this;
		}

		/**
		 * Trust the certificates in a PEM file (a private CA, a self-signed server)
		 * instead of the JVM's default trust store.
		 * @param trustCertificates the PEM file, or {@code null} for the default
		 * @return this builder
		 */
		public Builder trustCertificates(Path trustCertificates) {
			this.trustCertificates = trustCertificates;
			return this;
		}

		/**
		 * Set the deadline of every call (10 seconds by default).
		 * @param timeout the deadline
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
			return this;
		}

		/**
		 * Set whether a failed call allows instead of denying (it denies by default).
		 * @param failOpen whether to allow on failure
		 * @return this builder
		 */
		public Builder failOpen(boolean failOpen) {
			this.failOpen = failOpen;
			return this;
		}

		/**
		 * Build the harness; the connection is opened on the first call.
		 * @return the harness
		 * @throws IllegalArgumentException without a token: no call is ever sent
		 * unauthenticated
		 */
		public RemoteHarness build() {
			if (this.token == null || this.token.isBlank()) {
				throw new IllegalArgumentException("A token is required for the remote harness (SONDERA_API_TOKEN)");
			}
			return new RemoteHarness(this);
		}

	}

}
