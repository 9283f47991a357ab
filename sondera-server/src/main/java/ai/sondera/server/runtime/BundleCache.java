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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The managed bundle cache ({@code ~/.sondera/bundles} unless {@code --cache} or
 * {@code SONDERA_BUNDLE_CACHE} say otherwise): every loaded version, verified, under
 * {@code NAME/versions/VERSION/}, and {@code NAME/history}, the versions activated in
 * order, whose last line is the active one. A version is activated only after it has
 * been verified and its policies validated; {@code rollback} returns to the version
 * before.
 *
 * @author Sondera
 */
public final class BundleCache {

	private static final String HISTORY = "history";

	private final Path root;

	/**
	 * Create a cache.
	 * @param root the cache directory
	 */
	public BundleCache(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * Return the cache directory from the environment: {@code SONDERA_BUNDLE_CACHE}, else
	 * {@code ~/.sondera/bundles}.
	 * @param environment the environment
	 * @return the cache
	 */
	public static BundleCache fromEnvironment(Map<String, String> environment) {
		String configured = environment.get("SONDERA_BUNDLE_CACHE");
		return new BundleCache((configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".sondera", "bundles"));
	}

	/**
	 * Verify, validate, store and activate a bundle.
	 * @param archive the {@code .tar.gz}
	 * @return the bundle, now active
	 * @throws IllegalArgumentException if it fails verification or validation; nothing
	 * changes then
	 */
	public synchronized PolicyBundle load(Path archive) {
		PolicyBundle bundle = PolicyBundle.read(archive);
		bundle.policy().validate();
		Path versionDirectory = versionDirectory(bundle.name(), bundle.version());
		try {
			if (Files.isDirectory(versionDirectory)) {
				PolicyBundle stored = PolicyBundle.readDirectory(versionDirectory);
				if (!stored.policy().equals(bundle.policy())) {
					throw new IllegalArgumentException("Bundle " + bundle.name() + "@" + bundle.version()
							+ " is already in the cache with other content; give the new one another version");
				}
			}
			else {
				Path staging = Files.createDirectories(this.root.resolve(bundle.name()))
					.resolve(".staging-" + bundle.version() + "-" + ProcessHandle.current().pid());
				bundle.writeTo(staging);
				Files.createDirectories(versionDirectory.getParent());
				Files.move(staging, versionDirectory, StandardCopyOption.ATOMIC_MOVE);
			}
			List<String> history = new ArrayList<>(history(bundle.name()));
			history.add(bundle.version());
			writeHistory(bundle.name(), history);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store bundle " + bundle.name() + " in " + this.root, ex);
		}
		return bundle;
	}

	/**
	 * Return the active version of a bundle, read from the cache and verified again.
	 * @param name the bundle name
	 * @return the bundle
	 * @throws IllegalArgumentException if no version of it is active
	 */
	public PolicyBundle active(String name) {
		List<String> history = history(name);
		if (history.isEmpty()) {
			throw new IllegalArgumentException("No bundle '" + name + "' in " + this.root
					+ "; load one with: sondera policy load --bundle FILE.tar.gz");
		}
		return version(name, history.get(history.size() - 1));
	}

	/**
	 * Return one version of a bundle, read from the cache and verified again.
	 * @param name the bundle name
	 * @param version the version
	 * @return the bundle
	 */
	public PolicyBundle version(String name, String version) {
		Path directory = versionDirectory(name, version);
		if (!Files.isDirectory(directory)) {
			throw new IllegalArgumentException("No version " + version + " of bundle '" + name + "' in " + this.root
					+ " (it has " + versions(name) + ")");
		}
		return PolicyBundle.readDirectory(directory);
	}

	/**
	 * Return the active version of a bundle, or {@code null}.
	 * @param name the bundle name
	 * @return the active version
	 */
	public String activeVersion(String name) {
		List<String> history = history(name);
		return history.isEmpty() ? null : history.get(history.size() - 1);
	}

	/**
	 * Return one line per version in the cache, each verified again:
	 * {@code NAME VERSION created TIME}, and {@code (active)} for the active ones.
	 * @return the lines
	 */
	public List<String> list() {
		List<String> lines = new ArrayList<>();
		for (String name : names()) {
			String active = activeVersion(name);
			for (String version : versions(name)) {
				lines.add(name + " " + version + " created " + version(name, version).created()
						+ (version.equals(active) ? " (active)" : ""));
			}
		}
		return lines;
	}

	/**
	 * Make the version activated before the active one active again.
	 * @param name the bundle name, or {@code null} when the cache holds one bundle
	 * @return the bundle now active
	 */
	public synchronized PolicyBundle rollback(String name) {
		String bundle = (name != null) ? name : onlyName();
		List<String> history = new ArrayList<>(history(bundle));
		if (history.size() < 2) {
			throw new IllegalArgumentException("Bundle '" + bundle + "' has no earlier version to roll back to");
		}
		history.remove(history.size() - 1);
		PolicyBundle previous = version(bundle, history.get(history.size() - 1));
		writeHistory(bundle, history);
		return previous;
	}

	private String onlyName() {
		List<String> names = names();
		if (names.size() != 1) {
			throw new IllegalArgumentException("Say which bundle to roll back: the cache holds " + names);
		}
		return names.get(0);
	}

	private List<String> names() {
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		try (Stream<Path> names = Files.list(this.root)) {
			return names.filter((path) -> Files.isRegularFile(path.resolve(HISTORY)))
				.map((path) -> path.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + this.root, ex);
		}
	}

	private List<String> versions(String name) {
		Path versions = this.root.resolve(name).resolve("versions");
		if (!Files.isDirectory(versions)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.list(versions)) {
			return paths.map((path) -> path.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + versions, ex);
		}
	}

	private List<String> history(String name) {
		Path file = this.root.resolve(checkedName(name)).resolve(HISTORY);
		try {
			return Files.isRegularFile(file) ? Files.readAllLines(file).stream().filter((line) -> !line.isBlank()).toList()
					: List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
	}

	private void writeHistory(String name, List<String> history) {
		Path file = this.root.resolve(name).resolve(HISTORY);
		Path temp = file.resolveSibling(HISTORY + ".tmp-" + ProcessHandle.current().pid());
		try {
			Files.writeString(temp, String.join("\n", history) + "\n", StandardCharsets.UTF_8);
			try {
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	private Path versionDirectory(String name, String version) {
		return this.root.resolve(checkedName(name)).resolve("versions").resolve(checkedName(version));
	}

	private static String checkedName(String name) {
		if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
			throw new IllegalArgumentException("'" + name + "' is not a bundle name or version");
		}
		return name;
	}

}
