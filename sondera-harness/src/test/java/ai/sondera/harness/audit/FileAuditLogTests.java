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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash-chained audit log: what it records, and that the verifier finds every kind
 * of tampering.
 */
class FileAuditLogTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	@TempDir
	Path directory;

	private List<Adjudication> decide(FileAuditLog log, String... items) {
		Trajectory trajectory = AuditedHarness.create(log).initialize(AuditedHarness.AGENT, "s1");
		List<Adjudication> results = new ArrayList<>();
		for (String item : items) {
			results.add(AuditedHarness.buy(trajectory, item));
		}
		return results;
	}

	@Test
	void everyDecisionIsRecordedWithItsAuditId() throws Exception {
		List<Adjudication> results;
		try (FileAuditLog log = new FileAuditLog(this.directory, AuditDurability.FLUSH)) {
			results = decide(log, "apple", "gun");
		}
		List<String> lines = Files.readAllLines(AuditedHarness.file(this.directory));
		assertThat(lines).hasSize(2);
		JsonNode denied = MAPPER.readTree(lines.get(1));
		assertThat(denied.get("auditId").asText()).isEqualTo(results.get(1).auditId()).startsWith("audit-");
		assertThat(denied.get("decision").asText()).isEqualTo("deny");
		assertThat(denied.get("stage").asText()).isEqualTo("pre_tool");
		assertThat(denied.get("tool").asText()).isEqualTo("buy");
		assertThat(denied.get("policies").get(0).asText()).isEqualTo("no-guns");
		assertThat(denied.get("reason").asText()).contains("Not for sale");
		assertThat(denied.get("prevHash").asText()).isEqualTo(MAPPER.readTree(lines.get(0)).get("hash").asText());
		assertThat(AuditLogVerifier.verify(AuditedHarness.file(this.directory)).valid()).isTrue();
	}

	@Test
	void chainContinuesAfterARestart() throws Exception {
		try (FileAuditLog log = new FileAuditLog(this.directory, AuditDurability.FLUSH)) {
			decide(log, "apple");
		}
		try (FileAuditLog log = new FileAuditLog(this.directory, AuditDurability.FSYNC)) {
			decide(log, "pear", "gun");
		}
		AuditLogVerifier.Result result = AuditLogVerifier.verify(AuditedHarness.file(this.directory));
		assertThat(result.valid()).isTrue();
		assertThat(result.records()).isEqualTo(3);
	}

	@Test
	void changedRecordIsFound() throws Exception {
		writeThree();
		Path file = AuditedHarness.file(this.directory);
		Files.writeString(file, Files.readString(file).replaceFirst("Not for sale", "Fine to sell"));
		AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
		assertThat(result.valid()).isFalse();
		assertThat(result.brokenLine()).isEqualTo(2);
		assertThat(result.message()).contains("changed");
	}

	@Test
	void removedRecordIsFound() throws Exception {
		writeThree();
		Path file = AuditedHarness.file(this.directory);
		List<String> lines = new ArrayList<>(Files.readAllLines(file));
		lines.remove(1);
		Files.write(file, lines);
		AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
		assertThat(result.valid()).isFalse();
		assertThat(result.brokenLine()).isEqualTo(2);
		assertThat(result.message()).contains("missing");
	}

	@Test
	void cutLastRecordIsFound() throws Exception {
		writeThree();
		Path file = AuditedHarness.file(this.directory);
		String text = Files.readString(file);
		Files.writeString(file, text.substring(0, text.length() - 20));
		AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
		assertThat(result.valid()).isFalse();
		assertThat(result.brokenLine()).isEqualTo(3);
		assertThat(result.message()).contains("cut short");
	}

	@Test
	void logsOfOneDirectoryInOneProcessShareTheChain() throws Exception {
		try (FileAuditLog first = new FileAuditLog(this.directory, AuditDurability.FLUSH);
				FileAuditLog second = new FileAuditLog(this.directory.resolve("..").resolve(this.directory.getFileName()),
						AuditDurability.FSYNC)) {
			decide(first, "apple");
			decide(second, "pear");
			decide(first, "gun");
		}
		AuditLogVerifier.Result result = AuditLogVerifier.verify(AuditedHarness.file(this.directory));
		assertThat(result.valid()).as(result.message()).isTrue();
		assertThat(result.records()).isEqualTo(3);
		try (FileAuditLog reopened = new FileAuditLog(this.directory, AuditDurability.FLUSH)) {
			decide(reopened, "fig");
		}
		assertThat(AuditLogVerifier.verify(AuditedHarness.file(this.directory)).records()).isEqualTo(4);
	}

	@Test
	void groupCommitKeepsTheChainUnderConcurrentWriters() throws Exception {
		try (FileAuditLog log = new FileAuditLog(this.directory, AuditDurability.GROUP_COMMIT)) {
			CedarPolicyHarness harness = AuditedHarness.create(log);
			ExecutorService executor = Executors.newFixedThreadPool(4);
			try {
				List<Future<?>> writers = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					writers.add(executor.submit(() -> {
						Trajectory trajectory = harness.initialize(AuditedHarness.AGENT, null);
						for (int j = 0; j < 50; j++) {
							AuditedHarness.buy(trajectory, "apple");
						}
					}));
				}
				for (Future<?> writer : writers) {
					writer.get();
				}
			}
			finally {
				executor.shutdownNow();
			}
		}
		AuditLogVerifier.Result result = AuditLogVerifier.verify(AuditedHarness.file(this.directory));
		assertThat(result.valid()).isTrue();
		assertThat(result.records()).isEqualTo(200);
	}

	private void writeThree() throws Exception {
		try (FileAuditLog log = new FileAuditLog(this.directory, AuditDurability.FLUSH)) {
			decide(log, "apple", "gun", "pear");
		}
		assertThat(Files.readString(AuditedHarness.file(this.directory), StandardCharsets.UTF_8).lines()).hasSize(3);
	}

	@Test
	void deletedFileIsReplacedAtTheConfiguredPath() throws Exception {
		Path file = AuditedHarness.file(this.directory);
		try (FileAuditLog log = new FileAuditLog(this.directory, AuditDurability.FLUSH)) {
			Trajectory trajectory = AuditedHarness.create(log).initialize(AuditedHarness.AGENT, "s1");
			AuditedHarness.buy(trajectory, "apple");
			Files.delete(file);
			Adjudication after = AuditedHarness.buy(trajectory, "pear");
			List<String> lines = Files.readAllLines(file);
			assertThat(lines).hasSize(1);
			assertThat(MAPPER.readTree(lines.get(0)).get("auditId").asText()).isEqualTo(after.auditId());
			AuditedHarness.buy(trajectory, "gun");
		}
		AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
		assertThat(result.valid()).isTrue();
		assertThat(result.records()).isEqualTo(2);
	}

	@Test
	void removedDirectoryFailsEveryAppendUntilItIsBack() throws Exception {
		Path logDirectory = this.directory.resolve("audit");
		Path file = AuditedHarness.file(logDirectory);
		try (FileAuditLog log = new FileAuditLog(logDirectory, AuditDurability.FLUSH)) {
			Trajectory trajectory = AuditedHarness.create(log).initialize(AuditedHarness.AGENT, "s1");
			AuditedHarness.buy(trajectory, "apple");
			Files.delete(file);
			Files.delete(logDirectory);
			org.assertj.core.api.Assertions.assertThatExceptionOfType(java.io.UncheckedIOException.class)
				.isThrownBy(() -> AuditedHarness.buy(trajectory, "pear"))
				.withMessageContaining(file.toString())
				.withMessageContaining("does not exist");
			org.assertj.core.api.Assertions.assertThatExceptionOfType(java.io.UncheckedIOException.class)
				.isThrownBy(() -> AuditedHarness.buy(trajectory, "fig"));
			assertThat(logDirectory).doesNotExist();
			Files.createDirectories(logDirectory);
			Adjudication resumed = AuditedHarness.buy(trajectory, "kiwi");
			AuditedHarness.buy(trajectory, "gun");
			List<String> lines = Files.readAllLines(file);
			assertThat(lines).hasSize(2);
			assertThat(MAPPER.readTree(lines.get(0)).get("auditId").asText()).isEqualTo(resumed.auditId());
		}
		assertThat(AuditLogVerifier.verify(file).valid()).isTrue();
	}

	@Test
	void replacedFileIsContinuedWithItsOwnChain() throws Exception {
		Path file = AuditedHarness.file(this.directory);
		try (FileAuditLog log = new FileAuditLog(this.directory, AuditDurability.FLUSH)) {
			Trajectory trajectory = AuditedHarness.create(log).initialize(AuditedHarness.AGENT, "s1");
			AuditedHarness.buy(trajectory, "apple");
			AuditedHarness.buy(trajectory, "pear");
			Path rotated = this.directory.resolve("rotated.jsonl");
			Files.move(file, rotated);
			Files.copy(rotated, file);
			AuditedHarness.buy(trajectory, "gun");
			assertThat(Files.readAllLines(rotated)).hasSize(2);
		}
		AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
		assertThat(result.valid()).isTrue();
		assertThat(result.records()).isEqualTo(3);
	}

}
