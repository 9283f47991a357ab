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
 * When an audit record is durable.
 *
 * @author Sondera
 */
public enum AuditDurability {

	/**
	 * Handed to the operating system before the action runs: survives a crash or kill of
	 * the process, not of the machine. The default.
	 */
	FLUSH,

	/** Forced to disk before the action runs: survives a machine crash; slowest. */
	FSYNC,

	/**
	 * Forced to disk before the action runs, with one sync for all the records that
	 * concurrent writers appended meanwhile.
	 */
	GROUP_COMMIT

}
