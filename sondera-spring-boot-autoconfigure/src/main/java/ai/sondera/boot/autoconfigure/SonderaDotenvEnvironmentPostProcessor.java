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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads Sondera's {@code .env} files, as the Sondera SDK does: {@code ~/.sondera/env},
 * then {@code ./.env} (a later file wins). Their entries come after every other property
 * source, so the real environment, system properties and application configuration win.
 * {@code SONDERA_API_TOKEN} and {@code SONDERA_HARNESS_ENDPOINT} are also exposed as
 * {@code sondera.remote.api-token} and {@code sondera.remote.endpoint}. Values are never
 * logged.
 *
 * @author Sondera
 */
public class SonderaDotenvEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source holding the {@code .env} entries. */
	public static final String PROPERTY_SOURCE_NAME = "sonderaDotenv";

	private static final Map<String, String> ALIASES = Map.of("SONDERA_API_TOKEN", "sondera.remote.api-token",
			"SONDERA_HARNESS_ENDPOINT", "sondera.remote.endpoint");

	private final List<Path> files;

	/**
	 * Create the post-processor for the standard files.
	 */
	public SonderaDotenvEnvironmentPostProcessor() {
		this(List.of(Path.of(System.getProperty("user.home"), ".sondera", "env"), Path.of(".env")));
	}

	SonderaDotenvEnvironmentPostProcessor(List<Path> files) {
		this.files = files;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> entries = new LinkedHashMap<>();
		for (Path file : this.files) {
			if (Files.isRegularFile(file)) {
				entries.putAll(read(file));
			}
		}
		ALIASES.forEach((variable, property) -> {
			if (entries.containsKey(variable)) {
				entries.putIfAbsent(property, entries.get(variable));
			}
		});
		if (!entries.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, entries));
		}
	}

	/**
	 * Parse a {@code .env} file: {@code KEY=value} lines, optional {@code export}, quotes
	 * around values, {@code #} comments.
	 */
	static Map<String, String> read(Path file) {
		Map<String, String> entries = new LinkedHashMap<>();
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("export ")) {
				line = line.substring("export ".length()).strip();
			}
			int equals = line.indexOf('=');
			if (equals <= 0) {
				continue;
			}
			String key = line.substring(0, equals).strip();
			String value = line.substring(equals + 1).strip();
			if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
					&& value.charAt(value.length() - 1) == value.charAt(0)) {
				value = value.substring(1, value.length() - 1);
			}
			else {
				int comment = value.indexOf(" #");
				if (comment >= 0) {
					value = value.substring(0, comment).strip();
				}
			}
			entries.put(key, value);
		}
		return entries;
	}

}
