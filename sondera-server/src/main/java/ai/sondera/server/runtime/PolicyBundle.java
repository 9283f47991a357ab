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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.support.Digests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A verified policy bundle: a {@code .tar.gz} holding {@code manifest.json} and the
 * {@code .cedar} files. The manifest is
 * {@code {"name": "acme", "version": "1.0.0", "created": "<ISO-8601>", "files": {"<path>":
 * "<lower-case hex SHA-256>", ...}}}; reading a bundle checks every hash, and refuses
 * absolute paths, {@code ..}, links and any file the manifest does not list.
 *
 * @author Sondera
 */
public final class PolicyBundle {

	/** The manifest's name inside a bundle. */
	public static final String MANIFEST = "manifest.json";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	private static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String name;

	private final String version;

	private final String created;

	private final byte[] manifest;

	private final Map<String, byte[]> files;

	private PolicyBundle(String name, String version, String created, byte[] manifest, Map<String, byte[]> files) {
		this.name = name;
		this.version = version;
		this.created = created;
		this.manifest = manifest;
		this.files = files;
	}

	/**
	 * Read and verify a bundle archive.
	 * @param archive the {@code .tar.gz}
	 * @return the bundle
	 * @throws IllegalArgumentException if the bundle fails verification (says what and
	 * where)
	 */
	public static PolicyBundle read(Path archive) {
		Map<String, byte[]> entries = new TreeMap<>();
		long total = 0;
		try (InputStream in = Files.newInputStream(archive);
				TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				String path = entryPath(entry.getName(), archive);
				if (entry.isDirectory()) {
					continue;
				}
				if (entry.isSymbolicLink() || entry.isLink()) {
					throw invalid(archive, "'" + path + "' is a link; a bundle holds only regular files");
				}
				if (!entry.isFile()) {
					throw invalid(archive, "'" + path + "' is not a regular file");
				}
				if (entry.getSize() > MAX_FILE_BYTES || (total += entry.getSize()) > MAX_TOTAL_BYTES) {
					throw invalid(archive, "'" + path + "' is too large (at most " + MAX_FILE_BYTES
							+ " bytes a file, " + MAX_TOTAL_BYTES + " in all)");
				}
				if (entries.put(path, tar.readAllBytes()) != null) {
					throw invalid(archive, "'" + path + "' is in the archive twice");
				}
			}
		}
		catch (IOException ex) {
			throw invalid(archive, "it is not a readable .tar.gz: " + ex.getMessage());
		}
		return verified(entries, archive);
	}

	/**
	 * Read and verify a bundle unpacked in a directory (as the cache keeps it).
	 * @param directory the directory
	 * @return the bundle
	 * @throws IllegalArgumentException if the bundle fails verification
	 */
	public static PolicyBundle readDirectory(Path directory) {
		Map<String, byte[]> entries = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path file : paths.filter(Files::isRegularFile).toList()) {
				entries.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the bundle at " + directory, ex);
		}
		return verified(entries, directory);
	}

	private static String entryPath(String name, Path archive) {
		String path = name.startsWith("./") ? name.substring(2) : name;
		if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
			throw invalid(archive, "'" + name + "' is an absolute path");
		}
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				throw invalid(archive, "'" + name + "' leaves the bundle (..)");
			}
		}
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static PolicyBundle verified(Map<String, byte[]> entries, Path where) {
		byte[] manifestBytes = entries.remove(MANIFEST);
		if (manifestBytes == null) {
			throw invalid(where, "it has no " + MANIFEST);
		}
		JsonNode manifest;
		try {
			manifest = JSON.readTree(manifestBytes);
		}
		catch (IOException ex) {
			throw invalid(where, MANIFEST + " is not JSON: " + ex.getMessage());
		}
		String name = text(manifest, "name", where);
		String version = text(manifest, "version", where);
		String created = text(manifest, "created", where);
		if (!NAME.matcher(name).matches() || !NAME.matcher(version).matches() || name.contains("..")
				|| version.contains("..")) {
			throw invalid(where, "'name' and 'version' must be letters, digits, '.', '_' and '-', but were '" + name
					+ "' and '" + version + "'");
		}
		JsonNode listed = manifest.get("files");
		if (listed == null || !listed.isObject() || listed.isEmpty()) {
			throw invalid(where, MANIFEST + " must list the bundle's files under 'files'");
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		listed.fields().forEachRemaining((file) -> {
			String hash = file.getValue().asText();
			if (!file.getValue().isTextual() || !SHA256.matcher(hash).matches()) {
				throw invalid(where, "the hash of '" + file.getKey() + "' must be a lower-case hex SHA-256");
			}
			byte[] content = entries.remove(file.getKey());
			if (content == null) {
				throw invalid(where, "'" + file.getKey() + "' is in the manifest but not in the bundle");
			}
			String actual = Digests.sha256(content);
			if (!actual.equals(hash)) {
				throw invalid(where, "'" + file.getKey() + "' does not match its hash (manifest " + hash + ", file "
						+ actual + ")");
			}
			files.put(file.getKey(), content);
		});
		if (!entries.isEmpty()) {
			throw invalid(where, "files not in the manifest: " + entries.keySet());
		}
		if (files.keySet().stream().noneMatch((file) -> file.endsWith(".cedar"))) {
			throw invalid(where, "it has no .cedar file");
		}
		return new PolicyBundle(name, version, created, manifestBytes, files);
	}

	private static String text(JsonNode manifest, String field, Path where) {
		JsonNode value = (manifest != null) ? manifest.get(field) : null;
		if (value == null || !value.isTextual() || value.asText().isBlank()) {
			throw invalid(where, MANIFEST + " must have '" + field + "', a string");
		}
		return value.asText();
	}

	private static IllegalArgumentException invalid(Path where, String problem) {
		return new IllegalArgumentException("Policy bundle " + where + " is refused: " + problem);
	}

	/**
	 * Return the bundle's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the bundle's version.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * Return when the bundle was created, as its manifest says.
	 * @return the ISO-8601 time
	 */
	public String created() {
		return this.created;
	}

	/**
	 * Return the bundle's policies, named {@code NAME@VERSION/PATH}.
	 * @return the policy
	 */
	public RuntimePolicy policy() {
		List<PolicySource> sources = new ArrayList<>();
		this.files.forEach((path, content) -> {
			if (path.endsWith(".cedar")) {
				sources.add(new PolicySource(this.name + "@" + this.version + "/" + path,
						new String(content, StandardCharsets.UTF_8)));
			}
		});
		return new RuntimePolicy("bundle:" + this.name + "@" + this.version, sources);
	}

	/**
	 * Write the bundle, manifest and files, into an empty directory.
	 * @param directory the directory
	 * @throws IOException if writing fails
	 */
	void writeTo(Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.write(directory.resolve(MANIFEST), this.manifest);
		for (Map.Entry<String, byte[]> file : this.files.entrySet()) {
			Path target = directory.resolve(file.getKey()).normalize();
			if (!target.startsWith(directory)) {
				throw new IOException("'" + file.getKey() + "' leaves the bundle directory");
			}
			Files.createDirectories(target.getParent());
			Files.write(target, file.getValue());
		}
	}

}
