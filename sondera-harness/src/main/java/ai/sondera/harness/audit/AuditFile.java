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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * One open audit file and its hash chain, shared by every {@link FileAuditLog} of the
 * same file in this JVM and locked against other processes.
 *
 * @author Sondera
 */
final class AuditFile {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Logger logger = LoggerFactory.getLogger(AuditFile.class);

	private final Path file;

	private FileChannel channel;

	private FileLock lock;

	private Object fileKey;

	private final Object syncLock = new Object();

	private long sequence;

	private String lastHash;

	private long written;

	private long synced;

	private int users;

	AuditFile(Path file) {
		this.file = file;
		try {
			Files.createDirectories(this.file.getParent());
			open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the audit log " + this.file, ex);
		}
	}

	/**
	 * Open the file at the configured path, lock it and continue its chain from its last
	 * record (a new file starts a new chain).
	 */
	private void open() throws IOException {
		this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		this.lock = lock(this.channel, this.file);
		readTail();
		this.channel.position(this.channel.size());
		this.fileKey = Files.readAttributes(this.file, BasicFileAttributes.class).fileKey();
	}

	/**
	 * Make sure the open file is still the one at the configured path: a log whose file
	 * was deleted, moved away or replaced (rotation gone wrong, a cleanup job, a volume
	 * remounted) must not keep writing where nobody will read. The file is reopened at
	 * the path; if the path cannot be written (its directory is gone) the append fails,
	 * so the action is denied, until it can be again. A missing directory is not created:
	 * under an unmounted volume that would write to the wrong disk.
	 */
	private void ensureCurrent() {
		Object current;
		try {
			current = Files.readAttributes(this.file, BasicFileAttributes.class).fileKey();
		}
		catch (IOException ex) {
			current = null;
		}
		if (current != null && current.equals(this.fileKey) && this.channel.isOpen()) {
			return;
		}
		long lostAfter = this.sequence;
		try {
			closeChannel();
			if (!Files.isDirectory(this.file.getParent())) {
				throw new IOException("its directory " + this.file.getParent() + " does not exist");
			}
			open();
		}
		catch (IOException | RuntimeException ex) {
			throw new UncheckedIOException(new IOException("The audit log " + this.file + " was removed or replaced and"
					+ " cannot be reopened (" + ex.getMessage() + "); guarded actions are denied until it can be"
					+ " written again", ex));
		}
		logger.warn("The audit log {} was removed or replaced while open (last record written: seq {});"
				+ " appending to the file now at that path from seq {}", this.file, lostAfter, this.sequence + 1);
	}

	private static FileLock lock(FileChannel channel, Path file) throws IOException {
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("The audit log " + file + " is in use by another process;"
					+ " give each one its own directory (sondera.audit.path)");
		}
		return lock;
	}

	private void readTail() throws IOException {
		this.sequence = 0;
		this.lastHash = AuditChain.GENESIS;
		String last = lastLine();
		if (last == null) {
			return;
		}
		try {
			JsonNode record = MAPPER.readTree(last);
			this.sequence = record.get("seq").asLong();
			this.lastHash = record.get("hash").asText();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("The last record of the audit log " + this.file
					+ " is unreadable (" + ex.getMessage() + "); check it with AuditLogVerifier before appending", ex);
		}
	}

	/**
	 * Read the last non-empty line from the end of the file, without reading the whole
	 * log.
	 */
	private String lastLine() throws IOException {
		long end = this.channel.size();
		while (end > 0 && byteAt(end - 1) == '\n') {
			end--;
		}
		if (end == 0) {
			return null;
		}
		long start = end;
		while (start > 0 && byteAt(start - 1) != '\n') {
			start--;
		}
		ByteBuffer line = ByteBuffer.allocate((int) (end - start));
		while (line.hasRemaining() && this.channel.read(line, start + line.position()) >= 0) {
			// read until the buffer is full
		}
		return new String(line.array(), StandardCharsets.UTF_8);
	}

	private byte byteAt(long position) throws IOException {
		ByteBuffer one = ByteBuffer.allocate(1);
		this.channel.read(one, position);
		return one.get(0);
	}

	synchronized void retain() {
		this.users++;
	}

	synchronized boolean release() {
		return --this.users == 0;
	}

	String append(AuditEntry entry, AuditDurability durability) {
		String auditId = "audit-" + UUID.randomUUID();
		long position;
		synchronized (this) {
			ensureCurrent();
			this.sequence++;
			AuditChain.Link link = AuditChain.link(this.sequence, auditId, entry, this.lastHash);
			String hash = link.hash();
			String line = link.record() + "\n";
			write(line);
			this.lastHash = hash;
			position = ++this.written;
		}
		if (durability == AuditDurability.FSYNC) {
			force();
		}
		else if (durability == AuditDurability.GROUP_COMMIT) {
			commit(position);
		}
		return auditId;
	}

	private void write(String line) {
		ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
		try {
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not append to the audit log " + this.file, ex);
		}
	}

	private void commit(long position) {
		synchronized (this.syncLock) {
			if (this.synced >= position) {
				return;
			}
			long upTo;
			synchronized (this) {
				upTo = this.written;
			}
			force();
			this.synced = upTo;
		}
	}

	private void force() {
		try {
			this.channel.force(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not sync the audit log " + this.file, ex);
		}
	}

	synchronized void close() throws IOException {
		closeChannel();
	}

	private void closeChannel() throws IOException {
		if (this.channel != null && this.channel.isOpen()) {
			if (this.lock.isValid()) {
				this.lock.release();
			}
			this.channel.close();
		}
	}

}
