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
import java.util.List;

import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.store.InMemoryTrajectoryStore;

/**
 * The policies a runtime decides with, and the {@code policy_ref} that names them in
 * every answer: {@code embedded:demo} or {@code dir:PATH}.
 *
 * @param ref the policy reference
 * @param sources the policy sources
 * @author Sondera
 */
public record RuntimePolicy(String ref, List<PolicySource> sources) {

	private static final String DEMO = "demo.cedar";

	private static final String DIRECTORY_PREFIX = "dir:";

	/**
	 * Return the embedded demo policy: {@code tool.echo} and {@code tool.http_get}
	 * allowed, {@code tool.shell} and anything else denied.
	 * @return the demo policy
	 */
	public static RuntimePolicy demo() {
		try (InputStream in = RuntimePolicy.class.getResourceAsStream(DEMO)) {
			if (in == null) {
				throw new IllegalStateException("The embedded demo policy " + DEMO + " is missing from the jar");
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new RuntimePolicy("embedded:demo", List.of(new PolicySource("embedded:demo/" + DEMO, text)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the policy a {@code --policy} argument names: a directory or {@code .cedar}
	 * file, a bundle archive ({@code .tar.gz}, {@code .tgz}), {@code NAME@VERSION} or
	 * {@code NAME} (the active version) in the cache.
	 * @param spec the argument
	 * @param cache the bundle cache
	 * @return the policy, read and (for bundles) verified; building a harness with it, or
	 * {@link #validate()}, checks it against the runtime's tools
	 */
	public static RuntimePolicy resolve(String spec, BundleCache cache) {
		Path path = Path.of(spec);
		if (isArchive(spec)) {
			return PolicyBundle.read(path).policy();
		}
		if (isPath(spec)) {
			return directory(path);
		}
		if (spec.contains("@")) {
			return cache.version(spec.substring(0, spec.indexOf('@')), spec.substring(spec.indexOf('@') + 1)).policy();
		}
		return cache.active(spec).policy();
	}

	/**
	 * Return whether a {@code --policy} argument names a bundle in the cache without a
	 * version, so that the policy follows the bundle's active version.
	 * @param spec the argument
	 * @return whether it is a bundle name alone
	 */
	public static boolean isBundleName(String spec) {
		return !isArchive(spec) && !isPath(spec) && !spec.contains("@");
	}

	/**
	 * Return whether these policies are a directory's (or a file's), so that they follow
	 * its changes.
	 * @return whether they come from a path
	 */
	public boolean isDirectory() {
		return this.ref.startsWith(DIRECTORY_PREFIX);
	}

	private static boolean isArchive(String spec) {
		return spec.endsWith(".tar.gz") || spec.endsWith(".tgz");
	}

	private static boolean isPath(String spec) {
		return Files.exists(Path.of(spec)) || spec.contains("/") || spec.endsWith(".cedar");
	}

	/**
	 * Check that the policies load for the runtime's tools.
	 * @throws ai.sondera.harness.policy.PolicyLoadException naming policy, file and line
	 * if they do not
	 */
	public void validate() {
		CedarPolicyHarness.builder()
			.policies(this.sources)
			.agent(RuntimeTools.agent())
			.store(new InMemoryTrajectoryStore())
			.build();
	}

	/**
	 * Return the {@code .cedar} files of a directory (or one file).
	 * @param path the directory or file
	 * @return the policy
	 */
	public static RuntimePolicy directory(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return new RuntimePolicy(DIRECTORY_PREFIX + absolute, PolicySource.fromPath(absolute));
	}

}
