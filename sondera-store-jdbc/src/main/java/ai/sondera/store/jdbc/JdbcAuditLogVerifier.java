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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import ai.sondera.harness.audit.AuditLogVerifier;

/**
 * Checks the hash chain of a {@link JdbcAuditLog} with {@link AuditLogVerifier}, reading
 * the records in sequence order a page at a time, and that the chain reaches its head
 * (so that removing the newest records is found too). Plain JDBC, so that it runs with
 * only the core and a driver (as {@code sondera audit verify jdbc:postgresql://...}
 * does).
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
	 * @throws IllegalStateException if the database cannot be read
	 */
	public static AuditLogVerifier.Result verify(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return verify(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the audit chain: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Verify the audit chain stored in a database.
	 * @param connection a connection to the database
	 * @return the result, as for a file
	 * @throws SQLException if the database cannot be read
	 */
	public static AuditLogVerifier.Result verify(Connection connection) throws SQLException {
		long head;
		try (PreparedStatement statement = connection.prepareStatement("SELECT seq FROM sondera_audit_head WHERE id = 1");
				ResultSet row = statement.executeQuery()) {
			if (!row.next()) {
				throw new SQLException("sondera_audit_head has no row: the Sondera schema is not initialized");
			}
			head = row.getLong(1);
		}
		Pages pages = new Pages(connection);
		AuditLogVerifier.Result chain = AuditLogVerifier.verify(() -> pages);
		if (pages.failure != null) {
			throw pages.failure;
		}
		if (chain.valid() && chain.records() != head) {
			return new AuditLogVerifier.Result(false, chain.records(), chain.records() + 1, "the chain head is at record "
					+ head + " but the table ends at record " + chain.records() + ": records were removed");
		}
		return chain;
	}

	private static final class Pages implements Iterator<String> {

		private final Connection connection;

		private List<String> page = List.of();

		private int next;

		private long after;

		private boolean last;

		private SQLException failure;

		Pages(Connection connection) {
			this.connection = connection;
		}

		@Override
		public boolean hasNext() {
			if (this.next < this.page.size()) {
				return true;
			}
			if (this.last) {
				return false;
			}
			this.page = read();
			this.next = 0;
			this.last = this.page.size() < PAGE;
			return !this.page.isEmpty();
		}

		private List<String> read() {
			List<String> records = new ArrayList<>();
			try (PreparedStatement statement = this.connection
				.prepareStatement("SELECT seq, record FROM sondera_audit WHERE seq > ? ORDER BY seq LIMIT ?")) {
				statement.setLong(1, this.after);
				statement.setInt(2, PAGE);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						this.after = rows.getLong(1);
						records.add(rows.getString(2));
					}
				}
			}
			catch (SQLException ex) {
				this.failure = ex;
				this.last = true;
			}
			return records;
		}

		@Override
		public String next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.page.get(this.next++);
		}

	}

}
