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

package ai.sondera.spring.ai.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import ai.sondera.harness.policy.PolicySource;


/**
 * Reads the {@code .cedar} files at the configured locations: a directory is searched
 * recursively, a {@code .cedar} file is read as is, anything else is a Spring resource
 * pattern.
 *
 * <p>
 * Policy sources are a security boundary, so a {@code classpath:} location reads only the
 * application's own resources (class directories, or {@code BOOT-INF/classes} of a Spring
 * Boot jar), never another jar on the classpath: a dependency that ships
 * {@code policies/*.cedar} does not change what the application allows. A
 * {@code classpath*:} location reads every jar, as the user chose; the startup log names
 * the jar of each such source. Two different resources with the same name are an error
 * naming both, never a silent choice.
 *
 * @author Sondera
 */
public final class PolicyResources {

	private static final String CLASSPATH = "classpath:";

	private static final String ALL_CLASSPATH = "classpath*:";

	private static final Pattern OWN_CLASSES = Pattern.compile("[/!](BOOT|WEB)-INF/classes/");

	private PolicyResources() {
	}

	/**
	 * Read the policies at the locations.
	 * @param locations the configured locations
	 * @param resolver resolves Spring resource patterns
	 * @return the sources, by name
	 * @throws IllegalStateException if none is found, or two have the same name
	 */
	public static List<PolicySource> load(List<String> locations, ResourcePatternResolver resolver) {
		Map<String, PolicySource> sources = new LinkedHashMap<>();
		List<String> skipped = new ArrayList<>();
		List<String> collisions = new ArrayList<>();
		for (String configured : locations) {
			String location = configured.trim();
			for (Resource resource : resources(location, resolver)) {
				if (!resource.isReadable()) {
					continue;
				}
				String url = url(resource);
				if (location.startsWith(CLASSPATH) && !isOwn(url)) {
					skipped.add(url);
					continue;
				}
				String origin = origin(location, resource, url);
				PolicySource existing = sources.get(origin);
				if (existing == null) {
					sources.put(origin, new PolicySource(origin, read(resource), url));
				}
				else if (!existing.location().equals(url)) {
					collisions.add("'" + origin + "' is both " + existing.location() + " and " + url);
				}
			}
		}
		if (!collisions.isEmpty()) {
			throw new IllegalStateException("Two Cedar policy sources have the same name, and neither may silently"
					+ " replace the other: " + String.join("; ", collisions) + ". Rename one of the files, or narrow"
					+ " sondera.cedar.policies so that only one is read");
		}
		if (sources.isEmpty()) {
			throw new IllegalStateException("No Cedar policies found at " + locations
					+ ": add .cedar files there (for example src/main/resources/policies/agent.cedar)"
					+ " or point sondera.cedar.policies at them" + skippedHint(skipped));
		}
		List<PolicySource> sorted = new ArrayList<>(sources.values());
		sorted.sort((left, right) -> left.origin().compareTo(right.origin()));
		return sorted;
	}

	private static String skippedHint(List<String> skipped) {
		if (skipped.isEmpty()) {
			return "";
		}
		return ". Policy files in dependencies are not read from classpath: locations: " + skipped
				+ "; to let jars on the classpath add policies, say so with classpath*: (for example"
				+ " sondera.cedar.policies=classpath*:policies/)";
	}

	/**
	 * Return whether a resource belongs to the application itself rather than to a
	 * dependency: a class directory, or the classes of a Spring Boot jar or war.
	 * @param url the resource URL
	 * @return whether it is the application's own
	 */
	public static boolean isOwn(String url) {
		return url.startsWith("file:") || OWN_CLASSES.matcher(url).find();
	}

	/**
	 * Return whether any policy file at the locations is a file on disk (and so can
	 * change); policies inside jars cannot.
	 * @param locations the locations
	 * @param resolver the resource resolver
	 * @return whether any policy file is on disk
	 */
	public static boolean anyOnDisk(List<String> locations, ResourcePatternResolver resolver) {
		for (String location : locations) {
			for (Resource resource : resources(location.trim(), resolver)) {
				if (resource.isFile()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Expand a location into resources. A {@code classpath:} location is searched in
	 * every classpath root (and filtered to the application's own by the caller), so
	 * that a dependency listed first cannot hide the application's file.
	 */
	private static Resource[] resources(String location, ResourcePatternResolver resolver) {
		String pattern = location.startsWith(CLASSPATH) ? ALL_CLASSPATH + location.substring(CLASSPATH.length())
				: location;
		String path = pattern.startsWith(ALL_CLASSPATH) ? pattern.substring(ALL_CLASSPATH.length()) : pattern;
		if (!path.contains("*") && !path.endsWith(".cedar")) {
			pattern = (pattern.endsWith("/") ? pattern : pattern + "/") + "**/*.cedar";
		}
		try {
			return resolver.getResources(pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list Cedar policies at " + location, ex);
		}
	}

	private static String url(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	/**
	 * Name a policy file for error messages: {@code classpath:policies/bank.cedar} for a
	 * classpath location, the file path otherwise.
	 */
	private static String origin(String location, Resource resource, String url) {
		if (location.startsWith("classpath")) {
			String path = location.substring(location.indexOf(':') + 1).replaceFirst("^/+", "");
			int wildcard = path.indexOf('*');
			String base = (wildcard >= 0) ? path.substring(0, path.lastIndexOf('/', wildcard) + 1) : path;
			int at = base.isEmpty() ? -1 : url.lastIndexOf("/" + base);
			if (at >= 0) {
				return CLASSPATH + url.substring(at + 1);
			}
		}
		try {
			return url.startsWith("file:") ? resource.getFile().getPath() : url;
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read Cedar policies from " + resource.getDescription(), ex);
		}
	}

}
