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
import java.nio.file.Path;
import java.util.List;

import ai.sondera.harness.policy.PolicySource;

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
	 * Return the {@code .cedar} files of a directory (or one file).
	 * @param path the directory or file
	 * @return the policy
	 */
	public static RuntimePolicy directory(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return new RuntimePolicy("dir:" + absolute, PolicySource.fromPath(absolute));
	}

}
