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

package ai.sondera.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalRequest;
import ai.sondera.spring.ai.approval.ApprovalScope;
import ai.sondera.spring.ai.approval.ApprovalStore;
import ai.sondera.spring.ai.approval.DecisionWaiters;
import ai.sondera.spring.ai.approval.StoredApproval;

/**
 * An {@link ApprovalStore} in PostgreSQL, shared by every instance of an application: a
 * request raised on one instance can be decided through any of them, survives restarts
 * with its state, and a decision releases the call waiting for it wherever it waits.
 *
 * <p>
 * A decision is announced with {@code NOTIFY} on the channel {@value #CHANNEL}; each
 * instance listens on one connection of its own (taken from the data source for as long
 * as the store is open) and, as a safety net for notifications missed while that
 * connection was being re-established, also reads the state of the requests it waits for
 * every {@code pollInterval}.
 *
 * @author Sondera
 */
public class JdbcApprovalStore implements ApprovalStore, AutoCloseable {

	/** The notification channel of decisions. */
	public static final String CHANNEL = "sondera_approval";

	/** How often waiting requests are re-read by default, in case a notification was missed. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

	private static final String COLUMNS = "id, digest, state, request, created_at, asked_at, decided_at, approved,"
			+ " approver, comment, scope, scope_until, used";

	private final JdbcClient jdbc;

	private final DecisionWaiters waiters = new DecisionWaiters();

	private final ApprovalNotifications notifications;

	/**
	 * Create a store on a database whose tables exist ({@link SonderaSchema#migrate}),
	 * listening for decisions of other instances.
	 * @param dataSource the database
	 */
	public JdbcApprovalStore(DataSource dataSource) {
		this(dataSource, DEFAULT_POLL_INTERVAL);
	}

	/**
	 * Create a store on a database whose tables exist ({@link SonderaSchema#migrate}),
	 * listening for decisions of other instances.
	 * @param dataSource the database
	 * @param pollInterval how often waiting requests are re-read, in case a notification
	 * was missed
	 */
	public JdbcApprovalStore(DataSource dataSource, Duration pollInterval) {
		this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "'dataSource' must not be null"));
		this.notifications = new ApprovalNotifications(dataSource, CHANNEL, pollInterval, this::released);
		this.notifications.start();
	}

	@Override
	public Optional<StoredApproval> takeApproval(String digest, Instant now) {
		for (int attempt = 0; attempt < 5; attempt++) {
			Optional<StoredApproval> found = this.jdbc
				.sql("SELECT " + COLUMNS + " FROM sondera_approval WHERE digest = ? AND state = 'APPROVED'"
						+ " AND (scope <> 'ONCE' OR NOT used) AND (scope_until IS NULL OR scope_until > ?)"
						+ " ORDER BY (scope = 'ONCE'), decided_at LIMIT 1")
				.params(digest, Timestamp.from(now))
				.query(JdbcApprovalStore::approval)
				.optional();
			if (found.isEmpty() || !found.get().decision().scope().once() || use(found.get().id())) {
				return found;
			}
		}
		return Optional.empty();
	}

	@Override
	public StoredApproval open(ApprovalRequest request, Instant now) {
		String digest = request.digest();
		for (int attempt = 0; attempt < 5; attempt++) {
			Optional<StoredApproval> pending = this.jdbc
				.sql("UPDATE sondera_approval SET asked_at = ? WHERE digest = ? AND state = 'PENDING' RETURNING " + COLUMNS)
				.params(Timestamp.from(now), digest)
				.query(JdbcApprovalStore::approval)
				.optional();
			if (pending.isPresent()) {
				return pending.get();
			}
			// A conflict is the same call opened meanwhile (read above on the next attempt) or
			// an id already taken by a decided request (then a fresh id).
			ApprovalRequest stored = (attempt == 0) ? request : request.withId(UUID.randomUUID().toString());
			int inserted = this.jdbc
				.sql("INSERT INTO sondera_approval (id, digest, state, request, created_at, asked_at)"
						+ " VALUES (?, ?, 'PENDING', ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(stored.id(), digest, ApprovalRequestJson.write(stored), Timestamp.from(now), Timestamp.from(now))
				.update();
			if (inserted == 1) {
				return new StoredApproval(stored, digest, StoredApproval.State.PENDING, null, now, now, null, false);
			}
		}
		throw new IllegalStateException("Could not store approval request " + request.id()
				+ ": requests with the same digest or id kept changing");
	}

	@Override
	public Optional<StoredApproval> decide(String id, ApprovalDecision decision, Instant now) {
		ApprovalScope scope = decision.scope();
		// One statement: decide if still pending, announce it (delivered at commit), return it.
		Optional<StoredApproval> decided = this.jdbc
			.sql("WITH decided AS (UPDATE sondera_approval SET state = ?, decided_at = ?, approved = ?, approver = ?,"
					+ " comment = ?, scope = ?, scope_until = ? WHERE id = ? AND state = 'PENDING' RETURNING " + COLUMNS
					+ ") SELECT " + COLUMNS + ", pg_notify('" + CHANNEL + "', id) FROM decided")
			.params(decision.approved() ? "APPROVED" : "REJECTED", Timestamp.from(now), decision.approved(),
					decision.approver(), decision.comment(), scope.kind().name(),
					(scope.until() != null) ? Timestamp.from(scope.until()) : null, id)
			.query(JdbcApprovalStore::approval)
			.optional();
		Optional<StoredApproval> stored = decided.isPresent() ? decided : get(id);
		stored.filter((approval) -> approval.state() != StoredApproval.State.PENDING).ifPresent(this.waiters::decided);
		return stored;
	}

	@Override
	public boolean use(String id) {
		return this.jdbc.sql("UPDATE sondera_approval SET used = TRUE WHERE id = ? AND NOT used").param(id).update() == 1;
	}

	@Override
	public Optional<StoredApproval> get(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sondera_approval WHERE id = ?")
			.param(id)
			.query(JdbcApprovalStore::approval)
			.optional();
	}

	@Override
	public List<StoredApproval> pending() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sondera_approval WHERE state = 'PENDING' ORDER BY created_at")
			.query(JdbcApprovalStore::approval)
			.list();
	}

	@Override
	public List<StoredApproval> decided(int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM sondera_approval WHERE state <> 'PENDING' ORDER BY decided_at DESC LIMIT ?")
			.param(limit)
			.query(JdbcApprovalStore::approval)
			.list();
	}

	@Override
	public CompletableFuture<StoredApproval> whenDecided(String id) {
		return this.waiters.register(id, () -> get(id));
	}

	/**
	 * Release the calls waiting for requests decided elsewhere.
	 * @param ids the requests that may have been decided, or {@code null} for every
	 * request a call waits for
	 */
	private void released(Set<String> ids) {
		Set<String> waiting = this.waiters.ids();
		List<String> check = (ids != null) ? ids.stream().filter(waiting::contains).toList() : List.copyOf(waiting);
		if (check.isEmpty()) {
			return;
		}
		this.jdbc.sql("SELECT " + COLUMNS + " FROM sondera_approval WHERE id = ANY (?) AND state <> 'PENDING'")
			.param(check.toArray(String[]::new))
			.query(JdbcApprovalStore::approval)
			.list()
			.forEach(this.waiters::decided);
	}

	/**
	 * Stop listening for decisions and give the listening connection back.
	 */
	@Override
	public void close() {
		this.notifications.close();
	}

	private static StoredApproval approval(ResultSet row, int rowNumber) throws SQLException {
		StoredApproval.State state = StoredApproval.State.valueOf(row.getString("state"));
		ApprovalDecision decision = null;
		if (state != StoredApproval.State.PENDING) {
			Timestamp until = row.getTimestamp("scope_until");
			ApprovalScope scope = (until != null) ? ApprovalScope.until(until.toInstant())
					: new ApprovalScope(ApprovalScope.Kind.valueOf(row.getString("scope")), null);
			decision = new ApprovalDecision(row.getBoolean("approved"), row.getString("approver"),
					row.getString("comment"), scope);
		}
		Timestamp decidedAt = row.getTimestamp("decided_at");
		return new StoredApproval(ApprovalRequestJson.read(row.getString("request")).withId(row.getString("id")),
				row.getString("digest"), state, decision, row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("asked_at").toInstant(), (decidedAt != null) ? decidedAt.toInstant() : null,
				row.getBoolean("used"));
	}

}
