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

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The calls of this JVM waiting for approval requests to be decided, for
 * {@link ApprovalStore#whenDecided} implementations: a waiter is removed when it is
 * completed or cancelled.
 *
 * @author Sondera
 */
public final class DecisionWaiters {

	private final Map<String, CopyOnWriteArrayList<CompletableFuture<StoredApproval>>> waiters = new ConcurrentHashMap<>();

	/**
	 * Wait for a request's decision.
	 * @param id the request id
	 * @param current the request as stored now (read after this call registers), so that
	 * a decision made just before is not missed
	 * @return a future that {@link #decided} completes, already complete if the request
	 * is decided
	 */
	public CompletableFuture<StoredApproval> register(String id, Supplier<Optional<StoredApproval>> current) {
		CompletableFuture<StoredApproval> future = register(id);
		current.get().filter((approval) -> approval.state() != StoredApproval.State.PENDING).ifPresent(future::complete);
		return future;
	}

	private CompletableFuture<StoredApproval> register(String id) {
		CompletableFuture<StoredApproval> future = new CompletableFuture<>();
		this.waiters.computeIfAbsent(id, (key) -> new CopyOnWriteArrayList<>()).add(future);
		future.whenComplete((result, ex) -> this.waiters.computeIfPresent(id, (key, list) -> {
			list.remove(future);
			return list.isEmpty() ? null : list;
		}));
		return future;
	}

	/**
	 * Release the calls waiting for a decided request.
	 * @param approval the decided request
	 */
	public void decided(StoredApproval approval) {
		var list = this.waiters.get(approval.id());
		if (list != null) {
			list.forEach((future) -> future.complete(approval));
		}
	}

	/**
	 * Return the ids of the requests that calls wait for.
	 * @return the ids
	 */
	public Set<String> ids() {
		return Set.copyOf(this.waiters.keySet());
	}

}
