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

package ai.sondera.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import ai.sondera.harness.cedar.PolicySource;

/**
 * Reads the {@code .cedar} files at the configured locations: a directory is searched
 * recursively, a {@code .cedar} file is read as is, anything else is a Spring resource
 * pattern; {@code classpath:} directories are searched in every jar.
 *
 * @author Sondera
 */
final class PolicyLocations {

	private PolicyLocations() {
	}

	static List<PolicySource> load(List<String> locations, ResourcePatternResolver resolver) {
		Map<String, PolicySource> sources = new LinkedHashMap<>();
		for (String location : locations) {
			for (Resource resource : resources(location.trim(), resolver)) {
				if (resource.isReadable()) {
					String origin = origin(location.trim(), resource);
					sources.putIfAbsent(origin, new PolicySource(origin, read(resource)));
				}
			}
		}
		if (sources.isEmpty()) {
			throw new IllegalStateException("No Cedar policies found at " + locations
					+ ": add .cedar files there (for example src/main/resources/policies/agent.cedar)"
					+ " or point sondera.cedar.policies at them");
		}
		List<PolicySource> sorted = new ArrayList<>(sources.values());
		sorted.sort((left, right) -> left.origin().compareTo(right.origin()));
		return sorted;
	}

	/**
	 * Return whether any policy file at the locations is a file on disk (and so can
	 * change); policies inside jars cannot.
	 * @param locations the locations
	 * @param resolver the resource resolver
	 * @return whether any policy file is on disk
	 */
	static boolean anyOnDisk(List<String> locations, ResourcePatternResolver resolver) {
		for (String location : locations) {
			for (Resource resource : resources(location.trim(), resolver)) {
				if (resource.isFile()) {
					return true;
				}
			}
		}
		return false;
	}

	private static Resource[] resources(String location, ResourcePatternResolver resolver) {
		String pattern = location;
		if (!location.contains("*") && !location.endsWith(".cedar")) {
			pattern = (location.endsWith("/") ? location : location + "/") + "**/*.cedar";
			if (pattern.startsWith("classpath:")) {
				pattern = "classpath*:" + pattern.substring("classpath:".length());
			}
		}
		try {
			return resolver.getResources(pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list Cedar policies at " + location, ex);
		}
	}

	/**
	 * Name a policy file for error messages: {@code classpath:policies/bank.cedar} for a
	 * classpath location, the file path otherwise.
	 */
	private static String origin(String location, Resource resource) {
		try {
			String url = resource.getURL().toString();
			if (location.startsWith("classpath")) {
				String path = location.substring(location.indexOf(':') + 1).replaceFirst("^/+", "");
				int wildcard = path.indexOf('*');
				String base = (wildcard >= 0) ? path.substring(0, path.lastIndexOf('/', wildcard) + 1) : path;
				int at = base.isEmpty() ? -1 : url.lastIndexOf("/" + base);
				if (at >= 0) {
					return "classpath:" + url.substring(at + 1);
				}
			}
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
