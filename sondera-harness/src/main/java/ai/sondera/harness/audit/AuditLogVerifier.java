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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.sondera.harness.support.Digests;

/**
 * Checks an audit log's hash chain and reports the first broken or missing link: a
 * record whose hash does not match its content (changed), whose {@code prevHash} or
 * sequence number does not follow the previous one (removed or reordered), or that is
 * cut short.
 *
 * <p>
 * Run it on a file: {@code java -cp <classpath> ai.sondera.harness.audit.AuditLogVerifier
 * .sondera/audit/audit.jsonl}; exit code 0 when the chain holds, 1 when it is broken.
 *
 * @author Sondera
 */
public final class AuditLogVerifier {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private AuditLogVerifier() {
	}

	/**
	 * Verify an audit log.
	 * @param file the audit file
	 * @return the result
	 * @throws IOException if the file cannot be read
	 */
	public static Result verify(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (!text.isEmpty() && !text.endsWith("\n")) {
			int lines = text.split("\n", -1).length;
			Result chain = verifyLines(text.substring(0, text.lastIndexOf('\n') + 1));
			return chain.valid() ? new Result(false, chain.records(), lines, "record " + lines + " is cut short")
					: chain;
		}
		return verifyLines(text);
	}

	private static Result verifyLines(String text) {
		return verify(Arrays.asList(text.split("\n")));
	}

	/**
	 * Verify records in chain order, wherever they are kept (a file's lines, a
	 * database's rows).
	 * @param records the records, one JSON object each; empty strings are skipped
	 * @return the result; {@code brokenLine} counts the records
	 */
	public static Result verify(Iterable<String> records) {
		String previousHash = AuditChain.GENESIS;
		long previousSequence = 0;
		int lineNumber = 0;
		for (String line : records) {
			if (line.isEmpty()) {
				continue;
			}
			lineNumber++;
			int hashAt = line.lastIndexOf(AuditChain.HASH_FIELD);
			if (hashAt < 0) {
				return new Result(false, lineNumber - 1, lineNumber, "record " + lineNumber + " has no hash");
			}
			JsonNode record;
			try {
				record = MAPPER.readTree(line);
			}
			catch (IOException ex) {
				return new Result(false, lineNumber - 1, lineNumber, "record " + lineNumber + " is not JSON");
			}
			String hash = record.path("hash").asText();
			if (!Digests.sha256(line.substring(0, hashAt)).equals(hash)) {
				return new Result(false, lineNumber - 1, lineNumber,
						"record " + lineNumber + " was changed: its hash does not match its content");
			}
			if (!record.path("prevHash").asText().equals(previousHash)
					|| record.path("seq").asLong() != previousSequence + 1) {
				return new Result(false, lineNumber - 1, lineNumber, "record " + lineNumber
						+ " does not follow record " + (lineNumber - 1) + ": a record before it is missing or moved");
			}
			previousHash = hash;
			previousSequence = record.path("seq").asLong();
		}
		return new Result(true, lineNumber, 0, "the chain of " + lineNumber + " records holds");
	}

	/**
	 * Verify the audit log given as the first argument and print the result.
	 * @param args the audit file
	 * @throws IOException if the file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: java -cp <classpath> " + AuditLogVerifier.class.getName() + " <audit.jsonl>");
			System.exit(2);
		}
		Result result = verify(Path.of(args[0]));
		System.out.println((result.valid() ? "OK: " : "BROKEN: ") + result.message());
		System.exit(result.valid() ? 0 : 1);
	}

	/**
	 * What the verifier found.
	 *
	 * @param valid whether the chain holds
	 * @param records how many records verified
	 * @param brokenLine the first broken line (1-based), or 0
	 * @param message what was found
	 */
	public record Result(boolean valid, long records, long brokenLine, String message) {
	}

}
