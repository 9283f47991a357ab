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

package ai.sondera.harness.audit;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Trajectory;

/**
 * The process that {@link AuditLogCrashTests} kills: adjudicates in a loop and, for each
 * allowed call, "runs the action" by appending its audit id to a file.
 */
public final class AuditCrashChild {

	private AuditCrashChild() {
	}

	public static void main(String[] args) throws Exception {
		Path auditDirectory = Path.of(args[0]);
		Path actions = Path.of(args[1]);
		FileAuditLog auditLog = new FileAuditLog(auditDirectory, AuditDurability.FLUSH);
		Trajectory trajectory = AuditedHarness.create(auditLog).initialize(AuditedHarness.AGENT, null);
		try (FileChannel ran = FileChannel.open(actions, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
				StandardOpenOption.WRITE)) {
			for (int i = 0;; i++) {
				Adjudication result = AuditedHarness.buy(trajectory, (i % 10 == 0) ? "gun" : "apple");
				if (result.isAllowed()) {
					ran.write(java.nio.ByteBuffer.wrap((result.auditId() + "\n").getBytes(StandardCharsets.UTF_8)));
				}
				if (i == 20) {
					Files.writeString(auditDirectory.resolve("started"), "yes");
				}
			}
		}
	}

}
