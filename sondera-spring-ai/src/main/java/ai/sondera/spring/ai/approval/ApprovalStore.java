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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where approval requests and their decisions are kept, so that a request is recorded
 * before anybody is asked, a decision is bound to the exact call (its digest), and a
 * decision given anywhere (another thread, another instance) releases the call waiting
 * for it. {@link InMemoryApprovalStore} keeps them in this JVM; a shared store (such as
 * the JDBC one) lets several instances share them.
 *
 * @author Sondera
 * @see ApprovalService
 * @see PendingApprovals
 */
public interface ApprovalStore {

	/**
	 * Take an earlier approval that lets a call with this digest run without asking: a
	 * conversation approval, one that has not ended, or an approved {@code once} request
	 * that has not released a call yet (which this marks used, atomically).
	 * @param digest the call's digest
	 * @param now the current time
	 * @return the approval, or empty if the call must be asked for
	 */
	Optional<StoredApproval> takeApproval(String digest, Instant now);

	/**
	 * Store a request before its handler is asked. If a request with the same digest is
	 * still pending (a call that timed out, or the same call running at once), that one
	 * is returned instead, so that the same call is asked for once.
	 * @param request the request
	 * @param now the current time
	 * @return the stored, pending request (the request's id may differ from the one
	 * given)
	 */
	StoredApproval open(ApprovalRequest request, Instant now);

	/**
	 * Decide a pending request. The first decision wins: deciding a request that is
	 * already decided changes nothing.
	 * @param id the request id
	 * @param decision the decision
	 * @param now the current time
	 * @return the request as stored afterwards, or empty if there is no request with
	 * that id
	 */
	Optional<StoredApproval> decide(String id, ApprovalDecision decision, Instant now);

	/**
	 * Mark a {@code once} approval used by the call it released.
	 * @param id the request id
	 * @return {@code false} if another call used it first
	 */
	boolean use(String id);

	/**
	 * Return a request.
	 * @param id the request id
	 * @return the request, or empty
	 */
	Optional<StoredApproval> get(String id);

	/**
	 * Return the requests waiting for a decision, oldest first.
	 * @return the pending requests
	 */
	List<StoredApproval> pending();

	/**
	 * Return the most recently decided requests, newest first.
	 * @param limit the most to return
	 * @return the decided requests
	 */
	List<StoredApproval> decided(int limit);

	/**
	 * Return a future completed with the request once it is decided, wherever the
	 * decision is given. Cancel it to stop waiting.
	 * @param id the request id
	 * @return the future
	 */
	CompletableFuture<StoredApproval> whenDecided(String id);

}
