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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link ApprovalStore} in this JVM's memory: requests survive neither a restart nor
 * reach another instance. Keeps the 10,000 most recent requests.
 *
 * @author Sondera
 */
public class InMemoryApprovalStore implements ApprovalStore {

	private static final int MAX_REQUESTS = 10_000;

	private final Map<String, StoredApproval> requests = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, StoredApproval> eldest) {
			return size() > MAX_REQUESTS;
		}
	};

	private final DecisionWaiters waiters = new DecisionWaiters();

	@Override
	public synchronized Optional<StoredApproval> takeApproval(String digest, Instant now) {
		for (StoredApproval approval : this.requests.values()) {
			if (approval.digest().equals(digest) && approval.applies(now)) {
				if (approval.decision().scope().once()) {
					StoredApproval used = approval.markedUsed();
					this.requests.put(approval.id(), used);
					return Optional.of(used);
				}
				return Optional.of(approval);
			}
		}
		return Optional.empty();
	}

	@Override
	public synchronized StoredApproval open(ApprovalRequest request, Instant now) {
		String digest = request.digest();
		for (StoredApproval approval : this.requests.values()) {
			if (approval.digest().equals(digest) && approval.state() == StoredApproval.State.PENDING) {
				StoredApproval asked = approval.askedAgain(now);
				this.requests.put(approval.id(), asked);
				return asked;
			}
		}
		String id = this.requests.containsKey(request.id()) ? UUID.randomUUID().toString() : request.id();
		StoredApproval stored = new StoredApproval(request.withId(id), digest, StoredApproval.State.PENDING, null, now,
				now, null, false);
		this.requests.put(id, stored);
		return stored;
	}

	@Override
	public Optional<StoredApproval> decide(String id, ApprovalDecision decision, Instant now) {
		StoredApproval decided;
		synchronized (this) {
			StoredApproval approval = this.requests.get(id);
			if (approval == null || approval.state() != StoredApproval.State.PENDING) {
				return Optional.ofNullable(approval);
			}
			decided = approval.decidedAs(decision, now);
			this.requests.put(id, decided);
		}
		this.waiters.decided(decided);
		return Optional.of(decided);
	}

	@Override
	public synchronized boolean use(String id) {
		StoredApproval approval = this.requests.get(id);
		if (approval == null || approval.used()) {
			return false;
		}
		this.requests.put(id, approval.markedUsed());
		return true;
	}

	@Override
	public synchronized Optional<StoredApproval> get(String id) {
		return Optional.ofNullable(this.requests.get(id));
	}

	@Override
	public synchronized List<StoredApproval> pending() {
		return this.requests.values()
			.stream()
			.filter((approval) -> approval.state() == StoredApproval.State.PENDING)
			.sorted(Comparator.comparing(StoredApproval::createdAt))
			.toList();
	}

	@Override
	public synchronized List<StoredApproval> decided(int limit) {
		return this.requests.values()
			.stream()
			.filter((approval) -> approval.state() != StoredApproval.State.PENDING)
			.sorted(Comparator.comparing(StoredApproval::decidedAt).reversed())
			.limit(limit)
			.toList();
	}

	@Override
	public CompletableFuture<StoredApproval> whenDecided(String id) {
		return this.waiters.register(id, () -> get(id));
	}

}
