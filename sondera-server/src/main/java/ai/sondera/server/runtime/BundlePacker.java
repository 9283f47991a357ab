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
package ai.sondera.server.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import ai.sondera.harness.support.Digests;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code sondera policy pack}: writes the {@code .cedar} files of a directory as a bundle
 * with its manifest.
 *
 * @author Sondera
 */
final class BundlePacker {

	private static final ObjectMapper JSON = new ObjectMapper();

	private BundlePacker() {
	}

	/**
	 * Pack a directory.
	 * @param directory the directory of {@code .cedar} files
	 * @param name the bundle name
	 * @param version the bundle version
	 * @param output the archive to write
	 * @return the archive
	 */
	static Path pack(Path directory, String name, String version, Path output) {
		try {
			List<Path> files;
			try (Stream<Path> paths = Files.walk(directory)) {
				files = paths.filter((path) -> Files.isRegularFile(path) && path.toString().endsWith(".cedar"))
					.sorted()
					.toList();
			}
			if (files.isEmpty()) {
				throw new IllegalArgumentException("No .cedar file in " + directory);
			}
			Map<String, byte[]> contents = new LinkedHashMap<>();
			for (Path file : files) {
				contents.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
			}
			Map<String, Object> manifest = new LinkedHashMap<>();
			manifest.put("name", name);
			manifest.put("version", version);
			manifest.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
			Map<String, String> hashes = new LinkedHashMap<>();
			contents.forEach((path, content) -> hashes.put(path, Digests.sha256(content)));
			manifest.put("files", hashes);
			try (OutputStream out = Files.newOutputStream(output);
					TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
				tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
				add(tar, PolicyBundle.MANIFEST,
						JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
				for (Map.Entry<String, byte[]> file : contents.entrySet()) {
					add(tar, file.getKey(), file.getValue());
				}
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not pack " + directory + " into " + output, ex);
		}
	}

	private static void add(TarArchiveOutputStream tar, String path, byte[] content) throws IOException {
		TarArchiveEntry entry = new TarArchiveEntry(path);
		entry.setSize(content.length);
		tar.putArchiveEntry(entry);
		tar.write(content);
		tar.closeArchiveEntry();
	}

}
