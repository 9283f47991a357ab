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

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Content;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.grpc.wire.harness.v1.AddTrajectoryStepRequest;
import ai.sondera.harness.grpc.wire.harness.v1.UpdateTrajectoryStatusRequest;

/**
 * A trajectory of a {@link RemoteHarness}: every step is adjudicated by the server.
 *
 * @author Sondera
 */
final class RemoteTrajectory implements Trajectory {

	private static final Logger logger = LoggerFactory.getLogger(RemoteTrajectory.class);

	private final RemoteHarness harness;

	private final String id;

	private final Agent agent;

	private final String sessionId;

	private final AtomicLong stepCount;

	private final Status unstarted;

	private volatile TrajectoryStatus status = TrajectoryStatus.RUNNING;

	RemoteTrajectory(RemoteHarness harness, String id, Agent agent, String sessionId, long stepCount, Status unstarted) {
		this.harness = harness;
		this.id = id;
		this.agent = agent;
		this.sessionId = sessionId;
		this.stepCount = new AtomicLong(stepCount);
		this.unstarted = unstarted;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public Agent agent() {
		return this.agent;
	}

	@Override
	public String sessionId() {
		return this.sessionId;
	}

	@Override
	public long stepCount() {
		return this.stepCount.get();
	}

	@Override
	public TrajectoryStatus status() {
		return this.status;
	}

	@Override
	public Adjudication adjudicate(Stage stage, Role role, Content content) {
		Objects.requireNonNull(stage, "'stage' must not be null");
		Objects.requireNonNull(role, "'role' must not be null");
		Objects.requireNonNull(content, "'content' must not be null");
		if (this.status != TrajectoryStatus.RUNNING) {
			throw new IllegalStateException("Trajectory " + this.id + " is " + this.status.wireName());
		}
		this.stepCount.incrementAndGet();
		if (this.unstarted != null) {
			return failed(this.unstarted);
		}
		try {
			ai.sondera.harness.grpc.wire.core.v1.Adjudication answer = this.harness.stub()
				.addTrajectoryStep(AddTrajectoryStepRequest.newBuilder()
					.setTrajectoryId(this.id)
					.setStage(WireMapping.stage(stage))
					.setRole(WireMapping.role(role))
					.setContent(WireMapping.content(content))
					.build())
				.getAdjudicatedStep()
				.getAdjudication();
			return WireMapping.adjudication(answer);
		}
		catch (StatusRuntimeException ex) {
			return failed(ex.getStatus());
		}
		catch (IllegalArgumentException ex) {
			return failed(Status.INTERNAL.withDescription("malformed answer: " + ex.getMessage()));
		}
	}

	private Adjudication failed(Status status) {
		String cause = status.getCode() + ((status.getDescription() != null) ? ": " + status.getDescription() : "");
		logger.warn("Remote adjudication in trajectory {} failed: {}", this.id, cause);
		return this.harness.failOpen()
				? new Adjudication(Decision.ALLOW, "Remote harness call failed, allowed because fail-open is set: "
						+ cause, List.of())
				: new Adjudication(Decision.DENY, "Remote harness call failed, denied to fail closed: " + cause,
						List.of());
	}

	/**
	 * The wire has no step that is not adjudicated: a decision made outside the policies
	 * (an approval outcome) is sent as a run-stage note, which the server allows and keeps.
	 */
	@Override
	public void record(Stage stage, Role role, Content content, Adjudication adjudication) {
		adjudicate(Stage.PRE_RUN, Role.SYSTEM, new PromptContent(
				"Recorded " + adjudication.decision().wireName() + " at " + stage + ": " + adjudication.reason()));
	}

	@Override
	public void finish() {
		end(TrajectoryStatus.COMPLETED, ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus.TRAJECTORY_STATUS_COMPLETED);
	}

	@Override
	public void fail(String reason) {
		logger.info("Trajectory {} failed: {}", this.id, reason);
		end(TrajectoryStatus.FAILED, ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus.TRAJECTORY_STATUS_FAILED);
	}

	private synchronized void end(TrajectoryStatus status, ai.sondera.harness.grpc.wire.core.v1.TrajectoryStatus wire) {
		if (this.status != TrajectoryStatus.RUNNING) {
			throw new IllegalStateException("Trajectory " + this.id + " has already ended (" + this.status.wireName()
					+ ")");
		}
		this.status = status;
		if (this.unstarted == null) {
			this.harness.stub()
				.updateTrajectoryStatus(
						UpdateTrajectoryStatusRequest.newBuilder().setTrajectoryId(this.id).setStatus(wire).build());
		}
	}

}
