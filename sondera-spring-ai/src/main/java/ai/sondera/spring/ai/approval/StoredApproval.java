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
import java.util.Objects;

/**
 * An approval request as an {@link ApprovalStore} keeps it: the request, the digest of
 * the call it is for, its state and, once decided, the decision.
 *
 * @param request the request
 * @param digest the digest of the call ({@link ApprovalRequest#digest()})
 * @param state where the request stands
 * @param decision the decision (who decided, their comment, the scope), or {@code null}
 * while pending
 * @param createdAt when the request was stored
 * @param askedAt when a call last started waiting for it (the same call may come again
 * after an earlier one timed out); its timeout runs from then
 * @param decidedAt when it was decided, or {@code null}
 * @param used whether a {@link ApprovalScope#ONCE once} approval has released its call
 * @author Sondera
 */
public record StoredApproval(ApprovalRequest request, String digest, State state, ApprovalDecision decision,
		Instant createdAt, Instant askedAt, Instant decidedAt, boolean used) {

	public StoredApproval {
		Objects.requireNonNull(request, "'request' must not be null");
		Objects.requireNonNull(digest, "'digest' must not be null");
		Objects.requireNonNull(state, "'state' must not be null");
		Objects.requireNonNull(createdAt, "'createdAt' must not be null");
		askedAt = (askedAt != null) ? askedAt : createdAt;
	}

	/**
	 * Return the request id.
	 * @return the id
	 */
	public String id() {
		return this.request.id();
	}

	/**
	 * Return this request as asked for again by a call that starts waiting now.
	 * @param now when the call started waiting
	 * @return the request
	 */
	public StoredApproval askedAgain(Instant now) {
		return new StoredApproval(this.request, this.digest, this.state, this.decision, this.createdAt, now,
				this.decidedAt, this.used);
	}

	/**
	 * Return this request decided.
	 * @param decision the decision
	 * @param now when it was decided
	 * @return the decided request
	 */
	public StoredApproval decidedAs(ApprovalDecision decision, Instant now) {
		return new StoredApproval(this.request, this.digest, decision.approved() ? State.APPROVED : State.REJECTED,
				decision, this.createdAt, this.askedAt, now, this.used);
	}

	/**
	 * Return this approval marked used by the call it released.
	 * @return the used approval
	 */
	public StoredApproval markedUsed() {
		return new StoredApproval(this.request, this.digest, this.state, this.decision, this.createdAt, this.askedAt,
				this.decidedAt, true);
	}

	/**
	 * Return whether this approval lets a call with its digest run now without asking:
	 * approved, in time, and not a once approval that was used.
	 * @param now the current time
	 * @return whether it applies
	 */
	public boolean applies(Instant now) {
		return this.state == State.APPROVED && this.decision.scope().coversTime(now)
				&& !(this.decision.scope().once() && this.used);
	}

	/**
	 * Where an approval request stands.
	 */
	public enum State {

		/** Waiting for a decision. */
		PENDING,

		/** Approved. */
		APPROVED,

		/** Rejected. */
		REJECTED

	}

}
