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

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.sondera.harness.audit.AuditLogVerifier;

/**
 * Checks the hash chain of a {@link JdbcAuditLog} with {@link AuditLogVerifier}, reading
 * the records in sequence order a page at a time, and that the chain reaches its head
 * (so that removing the newest records is found too).
 *
 * @author Sondera
 */
public final class JdbcAuditLogVerifier {

	private static final int PAGE = 10_000;

	private JdbcAuditLogVerifier() {
	}

	/**
	 * Verify the audit chain stored in a database.
	 * @param dataSource the database
	 * @return the result, as for a file
	 */
	public static AuditLogVerifier.Result verify(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long head = jdbc.sql("SELECT seq FROM sondera_audit_head WHERE id = 1").query(Long.class).single();
		AuditLogVerifier.Result chain = AuditLogVerifier.verify(() -> new Pages(jdbc));
		if (chain.valid() && chain.records() != head) {
			return new AuditLogVerifier.Result(false, chain.records(), chain.records() + 1, "the chain head is at record "
					+ head + " but the table ends at record " + chain.records() + ": records were removed");
		}
		return chain;
	}

	private static final class Pages implements Iterator<String> {

		private final JdbcClient jdbc;

		private List<Record> page = List.of();

		private int next;

		private long after;

		private boolean last;

		Pages(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public boolean hasNext() {
			if (this.next < this.page.size()) {
				return true;
			}
			if (this.last) {
				return false;
			}
			this.page = this.jdbc.sql("SELECT seq, record FROM sondera_audit WHERE seq > ? ORDER BY seq LIMIT ?")
				.params(this.after, PAGE)
				.query((row, rowNumber) -> new Record(row.getLong("seq"), row.getString("record")))
				.list();
			this.next = 0;
			this.last = this.page.size() < PAGE;
			return !this.page.isEmpty();
		}

		@Override
		public String next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Record record = this.page.get(this.next++);
			this.after = record.sequence();
			return record.json();
		}

	}

	private record Record(long sequence, String json) {
	}

}
