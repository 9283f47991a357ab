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

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link AuditLog}: one JSON line per decision in {@code audit.jsonl}, each
 * with a sequence number, an {@code auditId}, the previous record's hash and its own
 * SHA-256 hash, so that a changed, removed or cut record breaks the chain
 * ({@link AuditLogVerifier} finds it).
 *
 * <p>
 * Each record is written with one write call, so a killed process leaves whole lines.
 * Logs of the same directory in one JVM (several application contexts, as in a test
 * suite) share one chain; the file is locked against other processes, whose chains would
 * fork it.
 *
 * @author Sondera
 */
public class FileAuditLog implements AuditLog, Closeable {

	/** The file name inside the audit directory. */
	public static final String FILE_NAME = "audit.jsonl";

	private static final Map<Path, AuditFile> OPEN = new HashMap<>();

	private final Path file;

	private final AuditDurability durability;

	private final AuditFile shared;

	private boolean closed;

	/**
	 * Open (or create) the audit log in a directory.
	 * @param directory the directory
	 * @param durability when a record counts as written
	 * @throws IllegalStateException if another process has the log open, or its last
	 * record is unreadable
	 */
	public FileAuditLog(Path directory, AuditDurability durability) {
		this.file = directory.resolve(FILE_NAME).toAbsolutePath().normalize();
		this.durability = Objects.requireNonNull(durability, "'durability' must not be null");
		synchronized (OPEN) {
			AuditFile open = OPEN.get(this.file);
			if (open == null) {
				open = new AuditFile(this.file);
				OPEN.put(this.file, open);
			}
			open.retain();
			this.shared = open;
		}
	}

	/**
	 * Return the file.
	 * @return the audit file
	 */
	public Path getFile() {
		return this.file;
	}

	@Override
	public String append(AuditEntry entry) {
		return this.shared.append(entry, this.durability);
	}

	@Override
	public void close() throws IOException {
		synchronized (OPEN) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.shared.release()) {
				OPEN.remove(this.file);
				this.shared.close();
			}
		}
	}

}
