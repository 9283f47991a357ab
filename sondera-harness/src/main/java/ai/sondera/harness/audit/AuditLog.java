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

/**
 * An append-only record of every decision, written before the decided action runs.
 *
 * @author Sondera
 * @see FileAuditLog
 */
@FunctionalInterface
public interface AuditLog {

	/** An audit log that records nothing. */
	AuditLog NONE = (entry) -> null;

	/**
	 * Append a record; when this returns, the record is as durable as the log promises.
	 * @param entry the decision
	 * @return the record's id, or {@code null} if nothing was recorded
	 */
	String append(AuditEntry entry);

}
