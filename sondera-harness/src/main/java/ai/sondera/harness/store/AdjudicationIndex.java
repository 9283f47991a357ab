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
package ai.sondera.harness.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.json.PythonJson;

/**
 * The {@code adjudications.json} index of a {@link FileTrajectoryStore}: a JSON array,
 * indented by 2 as the Sondera SDK writes it, to which each entry is appended in place.
 * An append writes only the new entry and the closing bracket over the old one, so its
 * cost does not grow with the number of earlier entries. A file whose end is not a
 * closing bracket (a write cut short by a machine crash) is moved aside with a warning
 * and a new index is started; the trajectory files it indexes are not touched. Not
 * thread-safe: the store serializes appends.
 *
 * @author Sondera
 */
final class AdjudicationIndex {

	private static final Logger logger = LoggerFactory.getLogger(AdjudicationIndex.class);

	private static final int TAIL = 64;

	private final Path file;

	AdjudicationIndex(Path file) {
		this.file = file;
	}

	void append(Map<String, Object> entry) {
		String array = PythonJson.writeIndented(List.of(entry), 2);
		String item = array.substring(2, array.length() - 2);
		try {
			Files.createDirectories(this.file.getParent());
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE)) {
				Tail tail = Tail.read(channel);
				if (tail == null) {
					channel.close();
					moveAside();
					append(entry);
					return;
				}
				String text = (tail.empty() ? "[\n" : ",\n") + item + "\n]";
				long position = tail.empty() ? 0 : tail.valueEnd();
				ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
				while (buffer.hasRemaining()) {
					position += channel.write(buffer, position);
				}
				channel.truncate(position);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to append to " + this.file, ex);
		}
	}

	private void moveAside() throws IOException {
		Path aside = this.file.resolveSibling(this.file.getFileName() + ".broken-" + System.currentTimeMillis());
		Files.move(this.file, aside, StandardCopyOption.REPLACE_EXISTING);
		logger.warn("The adjudication index {} does not end with a JSON array (probably cut short by a crash);"
				+ " it was moved to {} and a new index was started", this.file, aside);
	}

	/**
	 * Where the array in the file ends.
	 *
	 * @param empty whether the file holds no entry yet (empty, or {@code []})
	 * @param valueEnd the position just after the last entry
	 */
	private record Tail(boolean empty, long valueEnd) {

		/**
		 * Read the end of the file; {@code null} if it is not the end of a JSON array.
		 */
		static Tail read(FileChannel channel) throws IOException {
			long size = channel.size();
			if (size == 0) {
				return new Tail(true, 0);
			}
			int length = (int) Math.min(TAIL, size);
			ByteBuffer buffer = ByteBuffer.allocate(length);
			while (buffer.hasRemaining() && channel.read(buffer, size - length + buffer.position()) >= 0) {
				// read the whole tail
			}
			byte[] bytes = buffer.array();
			int i = skipWhitespace(bytes, length - 1);
			if (i < 0 || bytes[i] != ']') {
				return null;
			}
			int last = skipWhitespace(bytes, i - 1);
			if (last < 0) {
				return (size <= TAIL) ? null : new Tail(false, size - length + i);
			}
			if (bytes[last] == '[') {
				return (size - length + last == 0) ? new Tail(true, 0) : null;
			}
			return new Tail(false, size - length + last + 1);
		}

		private static int skipWhitespace(byte[] bytes, int from) {
			int i = from;
			while (i >= 0 && Character.isWhitespace(bytes[i])) {
				i--;
			}
			return i;
		}

	}

}
