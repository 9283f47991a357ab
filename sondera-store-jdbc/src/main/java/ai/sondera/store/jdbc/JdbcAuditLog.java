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

import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ai.sondera.harness.audit.AuditChain;
import ai.sondera.harness.audit.AuditEntry;
import ai.sondera.harness.audit.AuditLog;

/**
 * An {@link AuditLog} in PostgreSQL: one hash chain for every instance of an
 * application. Each append is a transaction that locks the chain's head row, links the
 * record to it and advances it, so that concurrent writers of all instances take turns
 * and the chain has no gap and no fork; a writer that dies mid-append leaves nothing
 * (its transaction rolls back). When {@code append} returns the record is committed, so
 * as durable as the database's commits (before the action runs). Records have the same
 * format as the file log's; {@link JdbcAuditLogVerifier} checks the chain.
 *
 * @author Sondera
 */
public class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/**
	 * Create a log on a database whose tables exist ({@link SonderaSchema#migrate}).
	 * @param dataSource the database
	 */
	public JdbcAuditLog(DataSource dataSource) {
		Objects.requireNonNull(dataSource, "'dataSource' must not be null");
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@Override
	public String append(AuditEntry entry) {
		String auditId = "audit-" + UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			Head head = this.jdbc.sql("SELECT seq, hash FROM sondera_audit_head WHERE id = 1 FOR UPDATE")
				.query((row, rowNumber) -> new Head(row.getLong("seq"), row.getString("hash")))
				.single();
			long sequence = head.sequence() + 1;
			AuditChain.Link link = AuditChain.link(sequence, auditId, entry, head.hash());
			this.jdbc.sql("WITH appended AS (INSERT INTO sondera_audit (seq, audit_id, trajectory_id, record, hash)"
					+ " VALUES (?, ?, ?, ?, ?)) UPDATE sondera_audit_head SET seq = ?, hash = ? WHERE id = 1")
				.params(sequence, auditId, entry.trajectoryId(), link.record(), link.hash(), sequence, link.hash())
				.update();
		});
		return auditId;
	}

	private record Head(long sequence, String hash) {
	}

}
