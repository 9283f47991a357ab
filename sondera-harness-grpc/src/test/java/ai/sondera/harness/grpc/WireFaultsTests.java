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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.protobuf.Value;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.grpc.wire.core.v1.Content;
import ai.sondera.harness.grpc.wire.core.v1.ToolRequest;
import ai.sondera.harness.grpc.wire.harness.v1.AddTrajectoryStepRequest;
import ai.sondera.harness.grpc.wire.harness.v1.AnalyzeTrajectoriesRequest;
import ai.sondera.harness.grpc.wire.harness.v1.GetTrajectoryRequest;
import ai.sondera.harness.grpc.wire.harness.v1.ListTrajectoriesRequest;
import ai.sondera.harness.store.InMemoryTrajectoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad input and faults on the wire: the server answers with a status and keeps serving,
 * the client denies and recovers, concurrent clients keep exact step counts.
 */
class WireFaultsTests {

	private static final Agent AGENT = new Agent("ops", "test", "Ops", "", "", List.of(Tool.of("run", "Run",
			"{\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}}")));

	private final InMemoryTrajectoryStore store = new InMemoryTrajectoryStore();

	private final HarnessGrpcService service = new HarnessGrpcService(CedarPolicyHarness.builder()
		.policies("""
				@id("allow-all") permit(principal, action, resource);
				@id("no-rm") forbid(principal, action == Ops::Action::"run", resource)
				when { context.parameters.command like "rm *" };
				""")
		.store(this.store)
		.build(), this.store);

	private Server server;

	private int port;

	@BeforeEach
	void start() throws IOException {
		this.server = start(0);
		this.port = this.server.getPort();
	}

	private Server start(int port) throws IOException {
		return Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
			.addService(ServerInterceptors.intercept(this.service, new BearerTokenInterceptor(List.of("t"), null)))
			.build()
			.start();
	}

	@AfterEach
	void stop() {
		this.server.shutdownNow();
	}

	private RemoteHarness client() {
		return RemoteHarness.builder("localhost:" + this.port).token("t").secure(false).build();
	}

	private static Decision run(Trajectory trajectory, String command) {
		return trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("run", Map.of("command", command)))
			.decision();
	}

	private AddTrajectoryStepRequest rawStep(String trajectoryId, Value args) {
		return AddTrajectoryStepRequest.newBuilder()
			.setTrajectoryId(trajectoryId)
			.setStage(WireMapping.stage(Stage.PRE_TOOL))
			.setRole(WireMapping.role(Role.MODEL))
			.setContent(Content.newBuilder().setToolRequest(ToolRequest.newBuilder().setToolId("run").setArgs(args)))
			.build();
	}

	@Test
	void badValuesAreInvalidArgumentsAndTheServerKeepsServing() {
		try (RemoteHarness harness = client()) {
			Trajectory trajectory = harness.initialize(AGENT, null);
			Value nan = Value.newBuilder()
				.setStructValue(com.google.protobuf.Struct.newBuilder()
					.putFields("command", Value.newBuilder().setNumberValue(Double.NaN).build()))
				.build();
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> harness.stub().addTrajectoryStep(rawStep(trajectory.id(), nan)))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> sendRaw(stepWithNesting(trajectory.id(), 10_000)));
			String huge = "x".repeat(5 * 1024 * 1024);
			assertThat(trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL,
					new ToolRequestContent("run", Map.of("command", huge))).reason()).contains("RESOURCE_EXHAUSTED");
			assertThat(trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL,
					new ToolRequestContent("deploy", Map.of())).reason()).startsWith("Unknown tool 'deploy'");
			assertThat(run(trajectory, "ls")).isEqualTo(Decision.ALLOW);
		}
	}

	@Test
	void aServerThatGoesAwayDeniesAndTheClientRecoversWhenItIsBack() throws Exception {
		try (RemoteHarness harness = client()) {
			Trajectory trajectory = harness.initialize(AGENT, null);
			assertThat(run(trajectory, "ls")).isEqualTo(Decision.ALLOW);
			this.server.shutdownNow().awaitTermination();
			assertThat(trajectory.adjudicate(Stage.PRE_MODEL, Role.USER, new PromptContent("hi")).reason())
				.contains("UNAVAILABLE");
			this.server = start(this.port);
			Decision after = Decision.DENY;
			for (int attempt = 0; attempt < 50 && after != Decision.ALLOW; attempt++) {
				after = run(trajectory, "ls");
				if (after != Decision.ALLOW) {
					Thread.sleep(100);
				}
			}
			assertThat(after).isEqualTo(Decision.ALLOW);
		}
	}

	@Test
	void concurrentClientsKeepExactStepCounts() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<RemoteHarness> clients = new ArrayList<>();
		try {
			List<Future<String>> ids = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				RemoteHarness client = client();
				clients.add(client);
				ids.add(pool.submit(() -> {
					Trajectory trajectory = client.initialize(AGENT, null);
					for (int i = 0; i < 500; i++) {
						run(trajectory, (i % 5 == 0) ? "rm x" : "ls");
					}
					return trajectory.id();
				}));
			}
			for (Future<String> id : ids) {
				assertThat(clients.get(0).stub()
					.getTrajectory(GetTrajectoryRequest.newBuilder().setTrajectoryId(id.get()).build())
					.getStepsCount()).isEqualTo(500);
			}
			assertThat(clients.get(0).stub()
				.listTrajectories(ListTrajectoriesRequest.newBuilder().setMinStepCount(500).setPageSize(3).build())
				.getTrajectoriesCount()).isEqualTo(3);
			assertThat(clients.get(0).stub()
				.analyzeTrajectories(AnalyzeTrajectoriesRequest.newBuilder().setAgentId(
						clients.get(0).stub().listTrajectories(ListTrajectoriesRequest.getDefaultInstance())
							.getTrajectories(0).getAgentId()).build())
				.getTrajectoryCount()).isEqualTo(4);
		}
		finally {
			pool.shutdownNow();
			clients.forEach(RemoteHarness::close);
		}
	}

	/**
	 * Send bytes as an AddTrajectoryStep call, as a client that builds messages by hand
	 * could: Java's protobuf cannot even build 10,000 levels of nesting.
	 */
	private void sendRaw(byte[] request) {
		ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + this.port, InsecureChannelCredentials.create())
			.build();
		try {
			MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
				.setType(MethodDescriptor.MethodType.UNARY)
				.setFullMethodName("sondera.harness.v1.HarnessService/AddTrajectoryStep")
				.setRequestMarshaller(Bytes.INSTANCE)
				.setResponseMarshaller(Bytes.INSTANCE)
				.build();
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer t");
			ClientCalls.blockingUnaryCall(
					ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers)), method,
					CallOptions.DEFAULT, request);
		}
		finally {
			channel.shutdownNow();
		}
	}

	/**
	 * An AddTrajectoryStepRequest whose tool arguments are a list in a list ... 'depth'
	 * times, written from the inside out.
	 */
	private static byte[] stepWithNesting(String trajectoryId, int depth) {
		byte[] value = { 0x1a, 0x01, 'x' };
		java.io.ByteArrayOutputStream nested = new java.io.ByteArrayOutputStream();
		List<byte[]> prefixes = new ArrayList<>();
		int length = value.length;
		for (int i = 0; i < depth; i++) {
			byte[] list = field(0x0a, length);
			length += list.length;
			byte[] wrapper = field(0x32, length);
			length += wrapper.length;
			prefixes.add(wrapper);
			prefixes.add(list);
		}
		for (int i = prefixes.size() - 2; i >= 0; i -= 2) {
			nested.writeBytes(prefixes.get(i));
			nested.writeBytes(prefixes.get(i + 1));
		}
		nested.writeBytes(value);
		byte[] args = nested.toByteArray();
		byte[] toolId = { 0x0a, 0x03, 'r', 'u', 'n' };
		java.io.ByteArrayOutputStream toolRequest = new java.io.ByteArrayOutputStream();
		toolRequest.writeBytes(toolId);
		toolRequest.writeBytes(field(0x12, args.length));
		toolRequest.writeBytes(args);
		byte[] tool = toolRequest.toByteArray();
		java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
		content.writeBytes(field(0x12, tool.length));
		content.writeBytes(tool);
		byte[] contentBytes = content.toByteArray();
		java.io.ByteArrayOutputStream step = new java.io.ByteArrayOutputStream();
		byte[] id = trajectoryId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		step.writeBytes(field(0x0a, id.length));
		step.writeBytes(id);
		step.writeBytes(new byte[] { 0x10, 0x04, 0x18, 0x02 });
		step.writeBytes(field(0x22, contentBytes.length));
		step.writeBytes(contentBytes);
		return step.toByteArray();
	}

	private static byte[] field(int tag, int length) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(tag);
		int remaining = length;
		while ((remaining & ~0x7F) != 0) {
			out.write((remaining & 0x7F) | 0x80);
			remaining >>>= 7;
		}
		out.write(remaining);
		return out.toByteArray();
	}

	private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {

		INSTANCE;

		@Override
		public java.io.InputStream stream(byte[] value) {
			return new java.io.ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(java.io.InputStream stream) {
			try {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

}
