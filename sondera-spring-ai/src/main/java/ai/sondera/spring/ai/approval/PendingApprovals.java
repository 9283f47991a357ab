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

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ApprovalHandler} that parks requests until another part of the application
 * (a REST controller, a console, a chat bot) completes them by id with
 * {@link #approve} or {@link #reject}. Requests that time out are removed.
 *
 * @author Sondera
 */
public class PendingApprovals implements ApprovalHandler {

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	@Override
	public CompletionStage<ApprovalDecision> requestApproval(ApprovalRequest request) {
		CompletableFuture<ApprovalDecision> decision = new CompletableFuture<>();
		this.pending.put(request.id(), new Pending(request, decision));
		// Cancelled by the waiting side on timeout, completed by approve/reject.
		decision.whenComplete((result, ex) -> this.pending.remove(request.id()));
		return decision;
	}

	/**
	 * Return the requests waiting for a decision.
	 * @return the pending requests
	 */
	public List<ApprovalRequest> pending() {
		Collection<Pending> values = this.pending.values();
		return values.stream().map(Pending::request).toList();
	}

	/**
	 * Return a pending request.
	 * @param id the request id
	 * @return the request, or empty if it is not (or no longer) pending
	 */
	public Optional<ApprovalRequest> get(String id) {
		return Optional.ofNullable(this.pending.get(id)).map(Pending::request);
	}

	/**
	 * Approve a pending request.
	 * @param id the request id
	 * @param approver who approves
	 * @param comment why, or {@code null}
	 * @return whether the request was pending
	 */
	public boolean approve(String id, String approver, String comment) {
		return complete(id, ApprovalDecision.approve(approver, comment));
	}

	/**
	 * Reject a pending request.
	 * @param id the request id
	 * @param approver who rejects
	 * @param comment why, or {@code null}
	 * @return whether the request was pending
	 */
	public boolean reject(String id, String approver, String comment) {
		return complete(id, ApprovalDecision.reject(approver, comment));
	}

	private boolean complete(String id, ApprovalDecision decision) {
		Pending request = this.pending.get(id);
		return request != null && request.decision().complete(decision);
	}

	private record Pending(ApprovalRequest request, CompletableFuture<ApprovalDecision> decision) {
	}

}
