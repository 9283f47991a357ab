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

import java.util.LinkedHashMap;
import java.util.Map;

import ai.sondera.harness.json.PythonJson;
import ai.sondera.harness.support.Digests;

/**
 * The audit log's record format and hash chain, the same wherever the records are kept
 * (a file, a database): a record is one JSON object with a sequence number, an
 * {@code auditId}, the decision, the previous record's hash and, last, its own SHA-256
 * hash over everything before it.
 *
 * @author Sondera
 */
public final class AuditChain {

	/** The {@code prevHash} of the first record. */
	public static final String GENESIS = "0".repeat(64);

	static final String HASH_FIELD = ", \"hash\": \"";

	private AuditChain() {
	}

	/**
	 * Write the record that follows a chain's head.
	 * @param sequence the record's sequence number (the head's plus one)
	 * @param auditId the record's id
	 * @param entry the decision
	 * @param previousHash the head's hash ({@link #GENESIS} for the first record)
	 * @return the record, one line without its line break, and its hash
	 */
	public static Link link(long sequence, String auditId, AuditEntry entry, String previousHash) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("seq", sequence);
		record.put("auditId", auditId);
		record.put("timestamp", entry.timestamp().toString());
		record.put("trajectoryId", entry.trajectoryId());
		record.put("agentId", entry.agentId());
		record.put("step", entry.stepIndex());
		record.put("stage", entry.stage().wireName());
		record.put("tool", entry.tool());
		record.put("decision", entry.decision().wireName());
		record.put("reason", entry.reason());
		record.put("policies", entry.policies());
		if (entry.policySet() != null) {
			record.put("policySet", entry.policySet());
		}
		if (entry.shadow() != null) {
			record.put("shadow", entry.shadow());
		}
		record.put("prevHash", previousHash);
		String body = PythonJson.write(record);
		String prefix = body.substring(0, body.length() - 1);
		String hash = Digests.sha256(prefix);
		return new Link(prefix + HASH_FIELD + hash + "\"}", hash);
	}

	/**
	 * One record of the chain.
	 *
	 * @param record the record's JSON, one line
	 * @param hash its hash, the next record's {@code prevHash}
	 */
	public record Link(String record, String hash) {
	}

}
