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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A process killed with SIGKILL while adjudicating leaves an audit log whose chain holds
 * and that has a record for every action that ran.
 */
class AuditLogCrashTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	@TempDir
	Path directory;

	@Test
	void killedProcessLeavesAVerifiableLogWithEveryActionThatRan() throws Exception {
		Path audit = this.directory.resolve("audit");
		Path actions = this.directory.resolve("actions.txt");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				AuditCrashChild.class.getName(), audit.toString(), actions.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("child.log").toFile())
			.start();
		try {
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!Files.exists(audit.resolve("started")) && Instant.now().isBefore(deadline) && child.isAlive()) {
				Thread.sleep(50);
			}
			assertThat(child.isAlive()).as("child process is running: %s",
					Files.exists(this.directory.resolve("child.log"))
							? Files.readString(this.directory.resolve("child.log")) : "")
				.isTrue();
			Thread.sleep(300);
			assertThatIllegalStateException().isThrownBy(() -> new FileAuditLog(audit, AuditDurability.FLUSH))
				.withMessageContaining("in use by another process");
		}
		finally {
			child.destroyForcibly();
			child.waitFor();
		}
		assertThat(child.exitValue()).isEqualTo(137);
		Path file = AuditedHarness.file(audit);
		AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
		assertThat(result.valid()).as(result.message()).isTrue();
		Set<String> audited = new HashSet<>();
		for (String line : Files.readAllLines(file)) {
			audited.add(MAPPER.readTree(line).get("auditId").asText());
		}
		List<String> ran = Files.readString(actions)
			.lines()
			.filter((line) -> line.startsWith("audit-") && line.length() == "audit-".length() + 36)
			.toList();
		assertThat(ran).isNotEmpty();
		assertThat(audited).containsAll(ran);
	}

}
