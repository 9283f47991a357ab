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

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import ai.sondera.harness.Decision;
import ai.sondera.harness.Stage;
import ai.sondera.harness.audit.AuditEntry;

/**
 * A writer of audit records in a process of its own, for the test that kills it: appends
 * records to the database given as the first argument and prints each record's id once
 * its append has returned (when the action would run).
 *
 * @author Sondera
 */
public final class AuditWriterProcess {

	private AuditWriterProcess() {
	}

	public static void main(String[] args) {
		DataSource dataSource = PostgresServer.dataSource(args[0], 2);
		JdbcAuditLog log = new JdbcAuditLog(dataSource);
		System.out.println("READY");
		for (long step = 0;; step++) {
			String auditId = log.append(new AuditEntry(Instant.now(), "traj-child", "agent", step, Stage.PRE_TOOL,
					"transfer", Decision.ALLOW, "Allowed", List.of("p")));
			System.out.println(auditId);
			System.out.flush();
		}
	}

}
