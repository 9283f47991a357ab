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

package ai.sondera.harness.cedar;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import com.cedarpolicy.value.EntityUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.AdjudicationListener;
import ai.sondera.harness.Caller;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Content;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.audit.AuditEntry;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.store.TrajectoryRecord;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;

/**
 * A trajectory of a {@link CedarPolicyHarness}: counts steps and records each one before
 * returning its adjudication.
 *
 * @author Sondera
 */
final class CedarTrajectory implements Trajectory {

	private static final Logger logger = LoggerFactory.getLogger(CedarTrajectory.class);

	private final CedarPolicyHarness harness;

	private volatile Snapshot snapshot;

	private final TrajectoryStore store;

	private final AdjudicationListener listener;

	private final AuditLog auditLog;

	private final EntityUID uid;

	private final AtomicLong stepCount;

	private volatile TrajectoryRecord record;

	private volatile RuntimeException storageFailure;

	private final Caller caller;

	CedarTrajectory(TrajectoryRecord record, AgentPolicies policies, CedarPolicyHarness harness,
			TrajectoryStore store, AdjudicationListener listener, AuditLog auditLog, long stepCount, Caller caller) {
		this.caller = caller;
		this.auditLog = auditLog;
		this.record = record;
		// No generation yet: the first adjudication looks the current one up.
		this.snapshot = new Snapshot(null, policies);
		this.harness = harness;
		this.store = store;
		this.listener = listener;
		this.uid = policies.trajectoryUid(record.id());
		this.stepCount = new AtomicLong(stepCount);
	}

	@Override
	public String id() {
		return this.record.id();
	}

	@Override
	public Agent agent() {
		return this.snapshot.policies().agent();
	}

	@Override
	public String sessionId() {
		return this.record.sessionId();
	}

	@Override
	public long stepCount() {
		return this.stepCount.get();
	}

	@Override
	public TrajectoryStatus status() {
		return this.record.status();
	}

	@Override
	public Adjudication adjudicate(Stage stage, Role role, Content content) {
		Objects.requireNonNull(stage, "'stage' must not be null");
		Objects.requireNonNull(role, "'role' must not be null");
		Objects.requireNonNull(content, "'content' must not be null");
		TrajectoryRecord current = running();
		AdjudicationListener.Completion completion = this.listener.started(this, stage, role, content);
		RuntimeException unstored = this.storageFailure;
		if (unstored != null) {
			RuntimeException failure = storageFailure(unstored);
			completion.failed(failure);
			throw failure;
		}
		try {
			long step = this.stepCount.incrementAndGet();
			Snapshot policies = snapshot();
			Adjudication adjudication = audit(stage, content, step,
					policies.policies().adjudicate(stage, role, content, this.uid, step, this.caller), policies.generation());
			this.store.append(current, step - 1,
					new TrajectoryStep(stage, role, content, adjudication, Instant.now()));
			completion.completed(adjudication);
			return adjudication;
		}
		catch (RuntimeException ex) {
			completion.failed(ex);
			throw ex;
		}
	}

	/**
	 * Return the agent's policies in the harness's current policy set (they change when
	 * the harness reloads), one snapshot per adjudication.
	 */
	private Snapshot snapshot() {
		PolicyGeneration current = this.harness.currentGeneration();
		Snapshot known = this.snapshot;
		if (known.generation() == current) {
			return known;
		}
		Snapshot next = new Snapshot(current, current.policiesFor(known.policies().agent()));
		this.snapshot = next;
		return next;
	}

	private record Snapshot(PolicyGeneration generation, AgentPolicies policies) {
	}

	/**
	 * Mark this trajectory as one the store could not record: every step then fails.
	 * @param failure what the store threw
	 */
	void storageFailed(RuntimeException failure) {
		this.storageFailure = failure;
	}

	private IllegalStateException storageFailure(RuntimeException cause) {
		return new IllegalStateException("Trajectory " + id() + " could not be stored: " + cause.getMessage(), cause);
	}

	@Override
	public void record(Stage stage, Role role, Content content, Adjudication adjudication) {
		TrajectoryRecord current = running();
		if (this.storageFailure != null) {
			throw storageFailure(this.storageFailure);
		}
		long step = this.stepCount.incrementAndGet();
		this.store.append(current, step - 1,
				new TrajectoryStep(stage, role, content,
						audit(stage, content, step, adjudication, this.harness.currentGeneration()), Instant.now()));
	}

	private Adjudication audit(Stage stage, Content content, long step, Adjudication adjudication,
			PolicyGeneration generation) {
		String tool = (content instanceof ToolRequestContent request) ? request.toolId()
				: (content instanceof ToolResponseContent response) ? response.toolId() : null;
		String auditId = this.auditLog.append(new AuditEntry(Instant.now(), id(), agent().id(), step - 1, stage, tool,
				adjudication.decision(), adjudication.reason(),
				adjudication.policies().stream().map(PolicyMetadata::id).toList(), generation.digest(),
				(adjudication.shadow() != null) ? adjudication.shadow().describe() : null));
		return (auditId != null) ? adjudication.withAuditId(auditId) : adjudication;
	}

	private TrajectoryRecord running() {
		TrajectoryRecord current = this.record;
		if (current.status() != TrajectoryStatus.RUNNING) {
			throw new IllegalStateException("Trajectory " + current.id() + " is " + current.status().wireName()
					+ ": initialize a new trajectory (or resume this one) before adjudicating");
		}
		return current;
	}

	@Override
	public void finish() {
		end(TrajectoryStatus.COMPLETED);
	}

	@Override
	public void fail(String reason) {
		logger.info("Trajectory {} failed: {}", id(), reason);
		end(TrajectoryStatus.FAILED);
	}

	private synchronized void end(TrajectoryStatus status) {
		TrajectoryRecord current = this.record;
		if (current.status() != TrajectoryStatus.RUNNING) {
			throw new IllegalStateException("Trajectory " + current.id() + " has already ended ("
					+ current.status().wireName() + ")");
		}
		this.record = current.withStatus(status);
		if (this.storageFailure == null) {
			this.store.updateStatus(current, status);
		}
	}

}
