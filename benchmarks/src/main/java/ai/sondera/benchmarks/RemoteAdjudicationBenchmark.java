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
import java.util.List;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.grpc.BearerTokenInterceptor;
import ai.sondera.harness.grpc.HarnessGrpcService;
import ai.sondera.harness.grpc.RemoteHarness;

/**
 * One PRE_TOOL adjudication through {@link RemoteHarness} to a {@link HarnessGrpcService}
 * on loopback (HTTP/2, plaintext, bearer token) against the same adjudication in process,
 * 10 policies, same run. Run with {@code -t 2} for two client threads.
 *
 * @author Sondera
 */
public class RemoteAdjudicationBenchmark extends HarnessBenchmark {

	private Server server;

	private RemoteHarness client;

	private Trajectory remote;

	private Trajectory local;

	private ToolRequestContent content;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		Agent agent = BenchmarkAgent.create();
		String policies = AdjudicationBenchmark.policyText(10);
		DiscardingTrajectoryStore store = new DiscardingTrajectoryStore();
		CedarPolicyHarness served = CedarPolicyHarness.builder().policies(policies).store(store).build();
		this.server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
			.addService(ServerInterceptors.intercept(new HarnessGrpcService(served, store),
					new BearerTokenInterceptor(List.of("bench"), null)))
			.build()
			.start();
		this.client = RemoteHarness.builder("localhost:" + this.server.getPort()).token("bench").secure(false).build();
		this.remote = this.client.initialize(agent, null);
		this.local = CedarPolicyHarness.builder()
			.policies(policies)
			.agent(agent)
			.store(new DiscardingTrajectoryStore())
			.build()
			.initialize(agent, null);
		this.content = BenchmarkAgent.request("tool7");
		if (!remote().isAllowed() || !local().isAllowed()) {
			throw new IllegalStateException("Both sides must allow the benchmark request: " + remote());
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Benchmark
	public Adjudication remote() {
		return this.remote.adjudicate(Stage.PRE_TOOL, Role.MODEL, this.content);
	}

	@Benchmark
	public Adjudication local() {
		return this.local.adjudicate(Stage.PRE_TOOL, Role.MODEL, this.content);
	}

}
