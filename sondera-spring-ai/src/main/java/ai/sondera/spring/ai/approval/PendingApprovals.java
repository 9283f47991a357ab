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

package ai.sondera.spring.ai.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.audit.AuditEntry;
import ai.sondera.harness.audit.AuditLog;

/**
 * An {@link ApprovalHandler} that parks requests until another part of the application
 * (a REST controller, a console, a chat bot, the actuator endpoint) decides them by id
 * with {@link #approve} or {@link #reject}.
 *
 * <p>
 * Decisions are written to the {@link ApprovalStore}: with a shared store, a request
 * raised on one instance can be decided through any instance, which releases the call
 * waiting on the first; {@link #pending()} lists the requests of every instance sharing
 * the store. Requests that time out stay in the store, pending. With an audit log, each
 * decision is also appended to it when it is made (step {@code -1}: a decision, not a
 * step of the trajectory), whether or not a call is still waiting for it.
 *
 * @author Sondera
 */
public class PendingApprovals implements ApprovalHandler {

	private static final Log logger = LogFactory.getLog(PendingApprovals.class);

	private final Map<String, CompletableFuture<ApprovalDecision>> waiting = new ConcurrentHashMap<>();

	private final ApprovalStore store;

	private final AuditLog auditLog;

	/**
	 * Create a registry whose decisions only reach calls of this JVM through their
	 * handler (the service keeps its own store).
	 */
	public PendingApprovals() {
		this(new InMemoryApprovalStore());
	}

	/**
	 * Create a registry that decides requests in a store, the one the
	 * {@link ApprovalService} waits on.
	 * @param store the approval store
	 */
	public PendingApprovals(ApprovalStore store) {
		this(store, AuditLog.NONE);
	}

	/**
	 * Create a registry that decides requests in a store, the one the
	 * {@link ApprovalService} waits on, and appends each decision to an audit log.
	 * @param store the approval store
	 * @param auditLog the audit log
	 */
	public PendingApprovals(ApprovalStore store, AuditLog auditLog) {
		this.store = Objects.requireNonNull(store, "'store' must not be null");
		this.auditLog = Objects.requireNonNull(auditLog, "'auditLog' must not be null");
	}

	@Override
	public CompletionStage<ApprovalDecision> requestApproval(ApprovalRequest request) {
		CompletableFuture<ApprovalDecision> decision = new CompletableFuture<>();
		this.waiting.put(request.id(), decision);
		if (this.store.get(request.id()).isEmpty()) {
			this.store.open(request, Instant.now());
		}
		// Cancelled by the waiting side on timeout, completed by approve/reject.
		decision.whenComplete((result, ex) -> this.waiting.remove(request.id(), decision));
		return decision;
	}

	/**
	 * Return the requests waiting for a decision, oldest first.
	 * @return the pending requests
	 */
	public List<ApprovalRequest> pending() {
		return this.store.pending().stream().map(StoredApproval::request).toList();
	}

	/**
	 * Return a pending request.
	 * @param id the request id
	 * @return the request, or empty if it is not (or no longer) pending
	 */
	public Optional<ApprovalRequest> get(String id) {
		return this.store.get(id)
			.filter((approval) -> approval.state() == StoredApproval.State.PENDING)
			.map(StoredApproval::request);
	}

	/**
	 * Approve a pending request for the one call.
	 * @param id the request id
	 * @param approver who approves
	 * @param comment why, or {@code null}
	 * @return whether the request was pending
	 */
	public boolean approve(String id, String approver, String comment) {
		return decide(id, ApprovalDecision.approve(approver, comment));
	}

	/**
	 * Reject a pending request.
	 * @param id the request id
	 * @param approver who rejects
	 * @param comment why, or {@code null}
	 * @return whether the request was pending
	 */
	public boolean reject(String id, String approver, String comment) {
		return decide(id, ApprovalDecision.reject(approver, comment));
	}

	/**
	 * Decide a pending request (the first decision wins).
	 * @param id the request id
	 * @param decision the decision, with its scope
	 * @return whether the request was pending and this decision stands
	 */
	public boolean decide(String id, ApprovalDecision decision) {
		boolean pending = get(id).isPresent();
		Optional<StoredApproval> stored = this.store.decide(id, decision, Instant.now());
		CompletableFuture<ApprovalDecision> local = this.waiting.get(id);
		boolean stands = pending && stored.map((approval) -> decision.equals(approval.decision())).orElse(false);
		if (local != null && stored.isPresent() && stored.get().decision() != null) {
			local.complete(stored.get().decision());
		}
		if (stands) {
			audit(stored.get());
		}
		return stands;
	}

	private void audit(StoredApproval decided) {
		ApprovalRequest request = decided.request();
		ApprovalDecision decision = decided.decision();
		try {
			this.auditLog.append(new AuditEntry(decided.decidedAt(), request.trajectoryId(), request.agentId(), -1,
					request.stage(), request.toolName(), decision.approved() ? Decision.ALLOW : Decision.DENY,
					"Approval " + decided.id() + " " + decision.describe() + " (scope " + decision.scope() + ")",
					request.policies().stream().map(PolicyMetadata::id).toList()));
		}
		catch (RuntimeException ex) {
			// The decision stands; the call it releases is audited when it runs.
			logger.warn("Could not append the decision of approval request " + decided.id() + " to the audit log", ex);
		}
	}

}
