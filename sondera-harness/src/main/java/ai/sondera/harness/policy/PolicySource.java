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
package ai.sondera.harness.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import ai.sondera.harness.support.Digests;

/**
 * A named text of Cedar policies: a file, a classpath resource or a string (classpath
 * and other Spring resources are read by the Spring layer's {@code PolicyResources}). The name
 * appears in every load error, with the line of the policy; the location says exactly
 * where the text was read (the file, or the jar and entry), for the startup log, the
 * actuator endpoint and error messages about two sources.
 *
 * @param origin where the text comes from, for error messages (a file path or
 * {@code classpath:...}); unique among the sources of a policy set
 * @param text the Cedar policies
 * @param location the full location it was read from (a URL or path); the origin if
 * not given
 * @author Sondera
 */
public record PolicySource(String origin, String text, String location) {

	public PolicySource {
		Objects.requireNonNull(origin, "'origin' must not be null");
		Objects.requireNonNull(text, "'text' must not be null");
		location = (location != null) ? location : origin;
	}

	/**
	 * Create a source whose location is its origin.
	 * @param origin where the text comes from
	 * @param text the Cedar policies
	 */
	public PolicySource(String origin, String text) {
		this(origin, text, origin);
	}

	/**
	 * Return the SHA-256 of the text, hex.
	 * @return the digest
	 */
	public String sha256() {
		return Digests.sha256(this.text);
	}

	/**
	 * Create a source from a string.
	 * @param origin a name for error messages
	 * @param text the Cedar policies
	 * @return the source
	 */
	public static PolicySource of(String origin, String text) {
		return new PolicySource(origin, text);
	}

	/**
	 * Read a {@code .cedar} file, or every {@code *.cedar} file below a directory (in
	 * name order).
	 * @param path a file or directory
	 * @return the sources
	 * @throws UncheckedIOException if the path cannot be read
	 * @throws IllegalArgumentException if the path does not exist
	 */
	public static List<PolicySource> fromPath(Path path) {
		if (Files.isRegularFile(path)) {
			return List.of(read(path));
		}
		if (!Files.isDirectory(path)) {
			throw new IllegalArgumentException("Policy location " + path.toAbsolutePath()
					+ " does not exist: give a .cedar file or a directory of .cedar files");
		}
		try (Stream<Path> files = Files.walk(path)) {
			return files.filter((file) -> Files.isRegularFile(file) && file.toString().endsWith(".cedar"))
				.sorted()
				.map(PolicySource::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to list policy directory " + path, ex);
		}
	}

	private static PolicySource read(Path file) {
		return new PolicySource(file.toString(), readString(file), file.toAbsolutePath().toString());
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read policy file " + file, ex);
		}
	}

}
