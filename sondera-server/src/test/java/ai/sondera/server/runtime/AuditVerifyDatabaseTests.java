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

package ai.sondera.server.runtime;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.Decision;
import ai.sondera.harness.Stage;
import ai.sondera.harness.audit.AuditChain;
import ai.sondera.harness.audit.AuditEntry;
import ai.sondera.store.jdbc.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sondera audit verify jdbc:postgresql://...} against a real PostgreSQL holding an
 * audit chain in the tables of {@code sondera-store-jdbc}'s migration.
 *
 * @author Sondera
 */
class AuditVerifyDatabaseTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private String url;

	@BeforeEach
	void createChain() throws Exception {
		this.url = PostgresServer.shared().createDatabase();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				InputStream migration = getClass().getResourceAsStream("/db/sondera/migration/V1__sondera_shared_state.sql")) {
			statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
			String previous = AuditChain.GENESIS;
			for (int seq = 1; seq <= 3; seq++) {
				AuditChain.Link link = AuditChain.link(seq, "audit-" + seq, new AuditEntry(Instant.now(), "traj-1",
						"agent", seq - 1, Stage.PRE_TOOL, "transfer", Decision.ALLOW, "Allowed", List.of("p")), previous);
				insert(connection, seq, link);
				previous = link.hash();
			}
		}
	}

	@Test
	void aChainThatHoldsIsOk() {
		assertThat(sondera("audit", "verify", this.url, "--user", PostgresServer.user())).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("OK: the chain of 3 records holds\n");
	}

	@Test
	void aChangedRecordIsBroken() throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE sondera_audit SET record = replace(record, 'Allowed', 'Denied') WHERE seq = 2");
		}
		assertThat(sondera("audit", "verify", this.url, "--user", PostgresServer.user())).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.isEqualTo("BROKEN: record 2 was changed: its hash does not match its content\n");
	}

	@Test
	void anUnreachableDatabaseSaysWhere() {
		assertThat(sondera("audit", "verify", "jdbc:postgresql://127.0.0.1:1/none", "--user", "x")).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("Could not read the audit chain at jdbc:postgresql://127.0.0.1:1/none");
	}

	private int sondera(String... args) {
		return SonderaCommand.execute(args, new PrintStream(this.out, true), new PrintStream(this.err, true), Map.of());
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, PostgresServer.user(), "");
	}

	private static void insert(Connection connection, long seq, AuditChain.Link link) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sondera_audit (seq, audit_id,"
				+ " trajectory_id, record, hash) VALUES (?, ?, 'traj-1', ?, ?)");
				PreparedStatement head = connection
					.prepareStatement("UPDATE sondera_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
			insert.setLong(1, seq);
			insert.setString(2, "audit-" + seq);
			insert.setString(3, link.record());
			insert.setString(4, link.hash());
			insert.executeUpdate();
			head.setLong(1, seq);
			head.setString(2, link.hash());
			head.executeUpdate();
		}
	}

}
