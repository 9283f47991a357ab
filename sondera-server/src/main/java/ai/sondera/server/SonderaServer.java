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
package ai.sondera.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.grpc.BearerTokenInterceptor;
import ai.sondera.harness.grpc.HarnessGrpcService;
import ai.sondera.harness.policy.PolicySource;

/**
 * {@code sondera-server.jar}: one harness for a fleet of agents. Serves the Cedar
 * harness over the Sondera wire with bearer tokens and the standard gRPC health service,
 * writes trajectories and the hash-chained audit log under the data directory, picks up
 * changed policy files within a few seconds (an invalid change keeps the last good set),
 * and stops cleanly on SIGTERM.
 *
 * @author Sondera
 */
public final class SonderaServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SonderaServer.class);

	private static final long RELOAD_SECONDS = 2;

	private final Server server;

	private final DataDirectory data;

	private final ScheduledExecutorService reloader;

	private SonderaServer(Server server, DataDirectory data, ScheduledExecutorService reloader) {
		this.server = server;
		this.data = data;
		this.reloader = reloader;
	}

	/**
	 * Run the gRPC server.
	 * @param args the options, see {@link ServerOptions}
	 * @throws InterruptedException if interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		SonderaServer running;
		try {
			running = start(ServerOptions.parse(args, System.getenv()));
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(running::close, "sondera-server-shutdown"));
		running.server.awaitTermination();
	}

	/**
	 * Start a server.
	 * @param options the options
	 * @return the running server
	 */
	public static SonderaServer start(ServerOptions options) {
		List<PolicySource> sources = PolicySource.fromPath(options.policies());
		DataDirectory data = new DataDirectory(options.data());
		CedarPolicyHarness harness = data.harness(sources);
		HealthStatusManager health = new HealthStatusManager();
		ServerCredentials credentials = (options.tlsCert() != null) ? tls(options) : InsecureServerCredentials.create();
		Server server;
		try {
			server = NettyServerBuilder.forAddress(new InetSocketAddress(options.listen(), options.grpcPort()), credentials)
				.addService(ServerInterceptors.intercept(new HarnessGrpcService(harness, data.store()),
						new BearerTokenInterceptor(options.tokens(), "x-api-key")))
				.addService(health.getHealthService())
				.build()
				.start();
		}
		catch (IOException ex) {
			data.close();
			throw new UncheckedIOException("Could not listen on " + options.listen() + ":" + options.grpcPort(), ex);
		}
		health.setStatus("", ServingStatus.SERVING);
		ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sondera-policy-reload");
			thread.setDaemon(true);
			return thread;
		});
		PolicyDirectory directory = new PolicyDirectory(options.policies(), harness::reload, sources);
		reloader.scheduleWithFixedDelay(directory::check, RELOAD_SECONDS, RELOAD_SECONDS, TimeUnit.SECONDS);
		String ready = "Sondera harness listening on " + options.listen() + ":" + server.getPort();
		logger.info(ready);
		System.out.println(ready);
		return new SonderaServer(server, data, reloader);
	}

	private static ServerCredentials tls(ServerOptions options) {
		try {
			return TlsServerCredentials.create(options.tlsCert().toFile(), options.tlsKey().toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the TLS certificate or key", ex);
		}
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getPort();
	}

	/**
	 * Stop: no new calls, calls in flight finish (up to 10 seconds), the audit log is
	 * closed.
	 */
	@Override
	public void close() {
		this.reloader.shutdownNow();
		this.server.shutdown();
		try {
			if (!this.server.awaitTermination(10, TimeUnit.SECONDS)) {
				this.server.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.server.shutdownNow();
		}
		this.data.close();
		logger.info("Sondera harness stopped");
	}

}
