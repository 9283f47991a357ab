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
package ai.sondera.harness.cedar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import ai.sondera.harness.support.Digests;

/**
 * A named text of Cedar policies: a file, a classpath resource or a string. The name
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

	private static final String CLASSPATH_PREFIX = "classpath:";

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

	/**
	 * Read policies from a location: {@code classpath:dir/*.cedar} (a glob after the last
	 * directory without wildcards, {@code **} for any depth), {@code classpath:file.cedar},
	 * or a file-system path to a file or directory (optionally prefixed with
	 * {@code file:}).
	 * @param location the location
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @return the sources, in name order
	 */
	public static List<PolicySource> fromLocation(String location, ClassLoader classLoader) {
		if (location.startsWith(CLASSPATH_PREFIX)) {
			return fromClasspath(location.substring(CLASSPATH_PREFIX.length()), classLoader);
		}
		return fromPath(Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location));
	}

	private static List<PolicySource> fromClasspath(String pattern, ClassLoader classLoader) {
		String path = pattern.startsWith("/") ? pattern.substring(1) : pattern;
		int wildcard = firstWildcard(path);
		if (wildcard < 0) {
			URL url = classLoader.getResource(path);
			if (url == null) {
				throw new IllegalArgumentException("Policy resource classpath:" + path + " does not exist");
			}
			return List.of(read(CLASSPATH_PREFIX + path, url));
		}
		int slash = path.lastIndexOf('/', wildcard);
		String base = (slash >= 0) ? path.substring(0, slash + 1) : "";
		PathMatcher matcher = globMatcher(path.substring(base.length()));
		List<PolicySource> sources = new ArrayList<>();
		try {
			for (URL root : Collections.list(classLoader.getResources(base))) {
				collect(root, base, matcher, sources);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to scan classpath:" + pattern, ex);
		}
		sources.sort((left, right) -> left.origin().compareTo(right.origin()));
		return sources;
	}

	private static void collect(URL root, String base, PathMatcher matcher, List<PolicySource> sources)
			throws IOException {
		if ("file".equals(root.getProtocol())) {
			Path dir;
			try {
				dir = Path.of(root.toURI());
			}
			catch (URISyntaxException ex) {
				throw new IOException("Bad classpath URL " + root, ex);
			}
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
					String relative = dir.relativize(file).toString().replace('\\', '/');
					if (matcher.matches(Path.of(relative))) {
						sources.add(new PolicySource(CLASSPATH_PREFIX + base + relative, readString(file),
								file.toAbsolutePath().toString()));
					}
				}
			}
		}
		else if ("jar".equals(root.getProtocol())) {
			JarURLConnection connection = (JarURLConnection) root.openConnection();
			connection.setUseCaches(false);
			try (JarFile jar = connection.getJarFile()) {
				Enumeration<JarEntry> entries = jar.entries();
				while (entries.hasMoreElements()) {
					JarEntry entry = entries.nextElement();
					String name = entry.getName();
					if (!entry.isDirectory() && name.startsWith(base)
							&& matcher.matches(Path.of(name.substring(base.length())))) {
						try (InputStream in = jar.getInputStream(entry)) {
							sources.add(new PolicySource(CLASSPATH_PREFIX + name,
									new String(in.readAllBytes(), StandardCharsets.UTF_8),
									"jar:" + connection.getJarFileURL() + "!/" + name));
						}
					}
				}
			}
		}
	}

	/**
	 * Return a glob matcher in which {@code **}{@code /} also matches no directory at all,
	 * as in Spring's resource patterns.
	 * @param glob the glob
	 * @return the matcher
	 */
	private static PathMatcher globMatcher(String glob) {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
		if (!glob.contains("**/")) {
			return matcher;
		}
		PathMatcher flat = FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("**/", ""));
		return (candidate) -> matcher.matches(candidate) || flat.matches(candidate);
	}

	private static int firstWildcard(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '*' || c == '?' || c == '[' || c == '{') {
				return i;
			}
		}
		return -1;
	}

	private static PolicySource read(Path file) {
		return new PolicySource(file.toString(), readString(file), file.toAbsolutePath().toString());
	}

	private static PolicySource read(String origin, URL url) {
		try (InputStream in = url.openStream()) {
			return new PolicySource(origin, new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read policy resource " + origin, ex);
		}
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
