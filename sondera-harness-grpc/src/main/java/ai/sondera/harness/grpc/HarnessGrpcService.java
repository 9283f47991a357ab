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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.Harness;
import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.grpc.wire.core.v1.AdjudicatedStep;
import ai.sondera.harness.grpc.wire.harness.v1.AddTrajectoryStepRequest;
import ai.sondera.harness.grpc.wire.harness.v1.AddTrajectoryStepResponse;
import ai.sondera.harness.grpc.wire.harness.v1.AdjudicationRecord;
import ai.sondera.harness.grpc.wire.harness.v1.AnalyzeTrajectoriesRequest;
import ai.sondera.harness.grpc.wire.harness.v1.AnalyzeTrajectoriesResponse;
import ai.sondera.harness.grpc.wire.harness.v1.CreateTrajectoryRequest;
import ai.sondera.harness.grpc.wire.harness.v1.CreateTrajectoryResponse;
import ai.sondera.harness.grpc.wire.harness.v1.GetAgentRequest;
import ai.sondera.harness.grpc.wire.harness.v1.GetAgentResponse;
import ai.sondera.harness.grpc.wire.harness.v1.GetTrajectoryRequest;
import ai.sondera.harness.grpc.wire.harness.v1.GetTrajectoryResponse;
import ai.sondera.harness.grpc.wire.harness.v1.HarnessServiceGrpc;
import ai.sondera.harness.grpc.wire.harness.v1.ListAdjudicationsRequest;
import ai.sondera.harness.grpc.wire.harness.v1.ListAdjudicationsResponse;
import ai.sondera.harness.grpc.wire.harness.v1.ListAgentsRequest;
import ai.sondera.harness.grpc.wire.harness.v1.ListAgentsResponse;
import ai.sondera.harness.grpc.wire.harness.v1.ListTrajectoriesRequest;
import ai.sondera.harness.grpc.wire.harness.v1.ListTrajectoriesResponse;
import ai.sondera.harness.grpc.wire.harness.v1.RegisterAgentRequest;
import ai.sondera.harness.grpc.wire.harness.v1.RegisterAgentResponse;
import ai.sondera.harness.grpc.wire.harness.v1.UpdateTrajectoryStatusRequest;
import ai.sondera.harness.grpc.wire.harness.v1.UpdateTrajectoryStatusResponse;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;

/**
 * Serves any core {@link Harness} over the Sondera wire ({@code sondera.harness.v1}), so
 * that agents written against the Sondera SDK, and {@link RemoteHarness}, use it as their
 * remote harness. RegisterAgent upserts by provider id and name (the id is derived from
 * both, so it is stable across restarts) and, when the harness is a
 * {@link PolicyAdministration}, validates the policies against the agent's tools
 * ({@code INVALID_ARGUMENT} naming policy, file and line); trajectories are created
 * RUNNING; each step is echoed with the server's timestamp; ListAdjudications returns
 * only DENY and ESCALATE records; ListTrajectories and AnalyzeTrajectories cover the
 * trajectories created through this service. Unknown agents and trajectories are
 * {@code NOT_FOUND}, bad input is {@code INVALID_ARGUMENT}. The policy-pack RPCs (11-17)
 * answer {@code UNIMPLEMENTED}.
 *
 * @author Sondera
 */
public class HarnessGrpcService extends HarnessServiceGrpc.HarnessServiceImplBase {

	private static final int MAX_RECORDS = 100_000;

	private static final int DEFAULT_PAGE = 50;

	private final Harness harness;

	private final TrajectoryStore store;

	private final Map<String, Agent> agents = new ConcurrentHashMap<>();

	private final Map<String, Trajectory> running = new ConcurrentHashMap<>();

	// Every trajectory this service created or resumed, newest last, for the list RPCs.
	private final Map<String, Known> known = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
			return size() > MAX_RECORDS;
		}
	});

	private final List<AdjudicationRecord> adjudications = Collections.synchronizedList(new ArrayList<>());

	/**
	 * Create a service.
	 * @param harness the harness that decides
	 * @param store where the harness records trajectories, read by GetTrajectory
	 */
	public HarnessGrpcService(Harness harness, TrajectoryStore store) {
		this.harness = Objects.requireNonNull(harness, "'harness' must not be null");
		this.store = Objects.requireNonNull(store, "'store' must not be null");
	}

	@Override
	public void registerAgent(RegisterAgentRequest request, StreamObserver<RegisterAgentResponse> response) {
		respond(response, () -> {
			String id = "agent-" + UUID.nameUUIDFromBytes((request.getProviderId() + '\0' + request.getName())
				.getBytes(StandardCharsets.UTF_8));
			Agent agent = new Agent(id, request.getProviderId(), request.getName(), request.getDescription(),
					request.getInstruction(), WireMapping.tools(request.getToolsList()));
			if (this.harness instanceof PolicyAdministration administration) {
				administration.validate(agent);
			}
			this.agents.put(id, agent);
			return RegisterAgentResponse.newBuilder().setAgent(agent(agent)).build();
		});
	}

	@Override
	public void getAgent(GetAgentRequest request, StreamObserver<GetAgentResponse> response) {
		respond(response, () -> GetAgentResponse.newBuilder().setAgent(agent(knownAgent(request.getAgentId()))).build());
	}

	@Override
	public void listAgents(ListAgentsRequest request, StreamObserver<ListAgentsResponse> response) {
		respond(response, () -> {
			List<Agent> matching = this.agents.values()
				.stream()
				.filter((agent) -> !request.hasProviderId() || agent.providerId().equals(request.getProviderId()))
				.sorted((left, right) -> left.id().compareTo(right.id()))
				.toList();
			Page page = Page.of(request.getPageToken(), request.getPageSize(), matching.size());
			ListAgentsResponse.Builder answer = ListAgentsResponse.newBuilder().setNextPageToken(page.next());
			matching.subList(page.from(), page.to()).forEach((agent) -> answer.addAgents(agent(agent)));
			return answer.build();
		});
	}

	@Override
	public void createTrajectory(CreateTrajectoryRequest request, StreamObserver<CreateTrajectoryResponse> response) {
		respond(response, () -> {
			Agent agent = knownAgent(request.getAgentId());
			Trajectory trajectory = this.harness.initialize(agent,
					request.hasSessionId() ? request.getSessionId() : null);
			this.running.put(trajectory.id(), trajectory);
			this.known.put(trajectory.id(), new Known(trajectory, Instant.now()));
			return CreateTrajectoryResponse.newBuilder().setTrajectory(trajectory(trajectory, Instant.now())).build();
		});
	}

	@Override
	public void addTrajectoryStep(AddTrajectoryStepRequest request, StreamObserver<AddTrajectoryStepResponse> response) {
		respond(response, () -> {
			Trajectory trajectory = runningTrajectory(request.getTrajectoryId());
			Stage stage = WireMapping.stage(request.getStage());
			ai.sondera.harness.Content content = WireMapping.content(request.getContent());
			Adjudication adjudication = trajectory.adjudicate(stage, WireMapping.role(request.getRole()), content);
			Instant now = Instant.now();
			if (adjudication.decision() != Decision.ALLOW) {
				record(trajectory, trajectory.stepCount() - 1, adjudication);
			}
			return AddTrajectoryStepResponse.newBuilder()
				.setAdjudicatedStep(AdjudicatedStep.newBuilder()
					.setStep(ai.sondera.harness.grpc.wire.core.v1.TrajectoryStep.newBuilder()
						.setStage(request.getStage())
						.setRole(request.getRole())
						.setCreatedAt(timestamp(now))
						.setContent(request.getContent()))
					.setAdjudication(WireMapping.adjudication(adjudication)))
				.build();
		});
	}

	@Override
	public void updateTrajectoryStatus(UpdateTrajectoryStatusRequest request,
			StreamObserver<UpdateTrajectoryStatusResponse> response) {
		respond(response, () -> {
			String id = request.getTrajectoryId();
			Trajectory trajectory = switch (request.getStatus()) {
				case TRAJECTORY_STATUS_COMPLETED -> {
					Trajectory ended = runningTrajectory(id);
					ended.finish();
					this.running.remove(id);
					yield ended;
				}
				case TRAJECTORY_STATUS_FAILED -> {
					Trajectory ended = runningTrajectory(id);
					ended.fail("failed by the client");
					this.running.remove(id);
					yield ended;
				}
				case TRAJECTORY_STATUS_RUNNING -> {
					Trajectory resumed = this.running.computeIfAbsent(id, this::resume);
					this.known.putIfAbsent(id, new Known(resumed, Instant.now()));
					yield resumed;
				}
				default -> throw new IllegalArgumentException("status must be RUNNING, COMPLETED or FAILED, but was "
						+ request.getStatus());
			};
			return UpdateTrajectoryStatusResponse.newBuilder().setTrajectory(trajectory(trajectory, Instant.now()))
				.build();
		});
	}

	@Override
	public void getTrajectory(GetTrajectoryRequest request, StreamObserver<GetTrajectoryResponse> response) {
		respond(response, () -> {
			StoredTrajectory stored = this.store.load(request.getTrajectoryId())
				.orElseThrow(() -> notFound("trajectory " + request.getTrajectoryId()));
			GetTrajectoryResponse.Builder answer = GetTrajectoryResponse.newBuilder();
			ai.sondera.harness.grpc.wire.core.v1.Trajectory.Builder trajectory = ai.sondera.harness.grpc.wire.core.v1.Trajectory
				.newBuilder()
				.setId(stored.record().id())
				.setAgentId(stored.record().agentId())
				.setStatus(status(stored.record().status()))
				.setCreatedAt(timestamp(stored.record().createdAt()))
				.setUpdatedAt(timestamp(stored.record().createdAt()))
				.setStepCount(stored.steps().size());
			if (stored.record().sessionId() != null) {
				trajectory.setSessionId(stored.record().sessionId());
			}
			answer.setTrajectory(trajectory);
			for (TrajectoryStep step : stored.steps()) {
				answer.addSteps(AdjudicatedStep.newBuilder()
					.setStep(ai.sondera.harness.grpc.wire.core.v1.TrajectoryStep.newBuilder()
						.setStage(WireMapping.stage(step.stage()))
						.setRole(WireMapping.role(step.role()))
						.setCreatedAt(timestamp(step.createdAt()))
						.setContent(WireMapping.content(step.content())))
					.setAdjudication(WireMapping.adjudication(step.adjudication())));
			}
			return answer.build();
		});
	}

	@Override
	public void listTrajectories(ListTrajectoriesRequest request, StreamObserver<ListTrajectoriesResponse> response) {
		respond(response, () -> {
			List<Known> matching = known((entry) -> (request.getAgentId().isEmpty()
					|| entry.trajectory().agent().id().equals(request.getAgentId()))
					&& (!request.hasStatus() || status(entry.trajectory().status()) == request.getStatus())
					&& (!request.hasSessionId() || request.getSessionId().equals(entry.trajectory().sessionId()))
					&& entry.trajectory().stepCount() >= request.getMinStepCount());
			Page page = Page.of(request.getPageToken(), request.getPageSize(), matching.size());
			ListTrajectoriesResponse.Builder answer = ListTrajectoriesResponse.newBuilder().setNextPageToken(page.next());
			matching.subList(page.from(), page.to())
				.forEach((entry) -> answer.addTrajectories(trajectory(entry.trajectory(), entry.createdAt())));
			return answer.build();
		});
	}

	@Override
	public void analyzeTrajectories(AnalyzeTrajectoriesRequest request,
			StreamObserver<AnalyzeTrajectoriesResponse> response) {
		respond(response, () -> {
			Instant from = request.hasStartTime() ? instant(request.getStartTime()) : Instant.MIN;
			Instant to = request.hasEndTime() ? instant(request.getEndTime()) : Instant.MAX;
			int count = known((entry) -> entry.trajectory().agent().id().equals(request.getAgentId())
					&& !entry.createdAt().isBefore(from) && !entry.createdAt().isAfter(to))
				.size();
			Struct.Builder analytics = Struct.newBuilder();
			if (request.getAnalyticsList().isEmpty() || request.getAnalyticsList().contains("trajectory_count")) {
				analytics.putFields("trajectory_count", Value.newBuilder()
					.setStructValue(Struct.newBuilder().putFields("total", Value.newBuilder().setNumberValue(count).build()))
					.build());
			}
			return AnalyzeTrajectoriesResponse.newBuilder()
				.setAnalytics(analytics)
				.setTrajectoryCount(count)
				.setComputedAt(timestamp(Instant.now()))
				.build();
		});
	}

	private List<Known> known(Predicate<Known> filter) {
		synchronized (this.known) {
			return this.known.values().stream().filter(filter).toList();
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	@Override
	public void listAdjudications(ListAdjudicationsRequest request, StreamObserver<ListAdjudicationsResponse> response) {
		respond(response, () -> {
			List<AdjudicationRecord> matching;
			synchronized (this.adjudications) {
				matching = this.adjudications.stream()
					.filter((record) -> !request.hasAgentId() || record.getAgentId().equals(request.getAgentId()))
					.toList();
			}
			Page page = Page.of(request.getPageToken(), request.getPageSize(), matching.size());
			return ListAdjudicationsResponse.newBuilder()
				.addAllAdjudications(matching.subList(page.from(), page.to()))
				.setNextPageToken(page.next())
				.build();
		});
	}

	private void record(Trajectory trajectory, long stepIndex, Adjudication adjudication) {
		AdjudicationRecord record = AdjudicationRecord.newBuilder()
			.setAgentId(trajectory.agent().id())
			.setTrajectoryId(trajectory.id())
			.setStepId(String.valueOf(stepIndex))
			.setStepIndex((int) stepIndex)
			.setAdjudication(WireMapping.adjudication(adjudication))
			.build();
		synchronized (this.adjudications) {
			if (this.adjudications.size() >= MAX_RECORDS) {
				this.adjudications.remove(0);
			}
			this.adjudications.add(record);
		}
	}

	private Trajectory resume(String id) {
		if (this.store.load(id).isEmpty()) {
			throw notFound("trajectory " + id);
		}
		return this.harness.resume(id);
	}

	private Agent knownAgent(String id) {
		Agent agent = this.agents.get(id);
		if (agent == null) {
			throw notFound("agent " + id + " (register it first)");
		}
		return agent;
	}

	private Trajectory runningTrajectory(String id) {
		Trajectory trajectory = this.running.get(id);
		if (trajectory == null) {
			throw notFound("running trajectory " + id);
		}
		return trajectory;
	}

	private static StatusRuntimeException notFound(String what) {
		return Status.NOT_FOUND.withDescription("No " + what).asRuntimeException();
	}

	private static ai.sondera.harness.grpc.wire.core.v1.Agent agent(Agent agent) {
		ai.sondera.harness.grpc.wire.core.v1.Agent.Builder wire = ai.sondera.harness.grpc.wire.core.v1.Agent.newBuilder()
			.setId(agent.id())
			.setProviderId(agent.providerId())
			.setName(agent.name())
			.setDescription(agent.description())
			.setInstruction(agent.instruction());
		agent.tools().forEach((tool) -> wire.addTools(WireMapping.tool(tool)));
		return wire.build();
	}

	private static ai.sondera.harness.grpc.wire.core.v1.Trajectory trajectory(Trajectory trajectory, Instant now) {
		ai.sondera.harness.grpc.wire.core.v1.Trajectory.Builder wire = ai.sondera.harness.grpc.wire.core.v1.Trajectory
			.newBuilder()
			.setId(trajectory.id())
			.setAgentId(trajectory.agent().id())
			.setStatus(status(trajectory.status()))
			.setCreatedAt(timestamp(now))
			.setUpdatedAt(timestamp(now))
			.setStepCount((int) trajectory.stepCount());
		if (trajectory.sessionId() != null) {
			wire.setSessionId(trajectory.sessionId());
		}
		return wire.build();
	}

	private static ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus status(TrajectoryStatus status) {
		return switch (status) {
			case RUNNING -> ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus.TRAJECTORY_STATUS_RUNNING;
			case COMPLETED -> ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus.TRAJECTORY_STATUS_COMPLETED;
			case FAILED -> ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus.TRAJECTORY_STATUS_FAILED;
			default -> ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus.TRAJECTORY_STATUS_PENDING;
		};
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

	/**
	 * Answer a call: the value, or the error as a status ({@code INVALID_ARGUMENT} for bad
	 * input and invalid policies, {@code INTERNAL} for anything else).
	 */
	private static <T> void respond(StreamObserver<T> response, Supplier<T> answer) {
		T value;
		try {
			value = answer.get();
		}
		catch (StatusRuntimeException ex) {
			response.onError(ex);
			return;
		}
		catch (IllegalArgumentException | PolicyLoadException ex) {
			response.onError(Status.INVALID_ARGUMENT.withDescription(ex.getMessage()).asRuntimeException());
			return;
		}
		catch (RuntimeException ex) {
			response.onError(Status.INTERNAL.withDescription(String.valueOf(ex.getMessage())).withCause(ex)
				.asRuntimeException());
			return;
		}
		response.onNext(value);
		response.onCompleted();
	}

	/**
	 * A trajectory this service knows, and when it was created here.
	 */
	private record Known(Trajectory trajectory, Instant createdAt) {
	}

	/**
	 * One page of a list: offsets as opaque tokens, an empty next token on the last page.
	 */
	private record Page(int from, int to, String next) {

		static Page of(String token, int pageSize, int total) {
			int from;
			try {
				from = token.isEmpty() ? 0 : Integer.parseInt(token);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("page_token '" + token + "' was not issued by this server");
			}
			if (from < 0 || from > total) {
				throw new IllegalArgumentException("page_token '" + token + "' is out of range");
			}
			int size = (pageSize > 0) ? pageSize : DEFAULT_PAGE;
			int to = (int) Math.min((long) from + size, total);
			return new Page(from, to, (to < total) ? String.valueOf(to) : "");
		}

	}

}
