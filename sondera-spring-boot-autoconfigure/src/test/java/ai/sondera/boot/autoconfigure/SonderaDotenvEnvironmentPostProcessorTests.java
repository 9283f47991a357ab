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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SonderaDotenvEnvironmentPostProcessor} reads the SDK's env files with the right
 * precedence.
 */
class SonderaDotenvEnvironmentPostProcessorTests {

	@TempDir
	Path dir;

	@Test
	void laterFileWinsAndRealEnvironmentWinsOverBoth() throws Exception {
		Path home = this.dir.resolve("home-env");
		Path local = this.dir.resolve(".env");
		Files.writeString(home, """
				# Sondera credentials
				SONDERA_API_TOKEN=home-token
				SONDERA_HARNESS_ENDPOINT="home.example:443"
				sondera.mode=block
				""");
		Files.writeString(local, """
				export SONDERA_API_TOKEN='local-token'
				OTHER=value # comment
				""");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("real", Map.of("sondera.mode", "steer")));
		new SonderaDotenvEnvironmentPostProcessor(List.of(home, local, this.dir.resolve("missing")))
			.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("sondera.remote.api-token")).isEqualTo("local-token");
		assertThat(environment.getProperty("sondera.remote.endpoint")).isEqualTo("home.example:443");
		assertThat(environment.getProperty("OTHER")).isEqualTo("value");
		assertThat(environment.getProperty("sondera.mode")).isEqualTo("steer");
	}

	@Test
	void noFilesAddsNothing() {
		StandardEnvironment environment = new StandardEnvironment();
		new SonderaDotenvEnvironmentPostProcessor(List.of(this.dir.resolve("none")))
			.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(SonderaDotenvEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

}
