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

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import ai.sondera.harness.policy.PolicySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link PolicyResources}: which resources are the application's own, names, and
 * collisions.
 */
class PolicyResourcesTests {

	@TempDir
	Path directory;

	private PathMatchingResourcePatternResolver resolver(Path... roots) throws Exception {
		URL[] urls = new URL[roots.length];
		for (int i = 0; i < roots.length; i++) {
			urls[i] = roots[i].toUri().toURL();
		}
		return new PathMatchingResourcePatternResolver(new URLClassLoader(urls, null));
	}

	private Path classes(String name, String file, String cedar) throws Exception {
		Path root = this.directory.resolve(name);
		Path policy = root.resolve(file);
		Files.createDirectories(policy.getParent());
		Files.writeString(policy, cedar);
		return root;
	}

	@Test
	void classpathLocationReadsEveryClassDirectoryRecursivelyByName() throws Exception {
		Path main = classes("main", "policies/bank.cedar", "@id(\"a\") permit(principal, action, resource);");
		Path more = classes("more", "policies/nested/shell.cedar", "@id(\"b\") permit(principal, action, resource);");
		List<PolicySource> sources = PolicyResources.load(List.of("classpath:policies/"), resolver(main, more));
		assertThat(sources).extracting(PolicySource::origin)
			.containsExactly("classpath:policies/bank.cedar", "classpath:policies/nested/shell.cedar");
		assertThat(sources.get(0).location()).isEqualTo(main.resolve("policies/bank.cedar").toUri().toURL().toString());
	}

	@Test
	void twoFilesWithOneNameAreAnErrorNamingBoth() throws Exception {
		Path main = classes("main", "policies/agent.cedar", "@id(\"a\") permit(principal, action, resource);");
		Path test = classes("test", "policies/agent.cedar", "@id(\"b\") permit(principal, action, resource);");
		assertThatIllegalStateException()
			.isThrownBy(() -> PolicyResources.load(List.of("classpath:policies/"), resolver(test, main)))
			.withMessageContaining("'classpath:policies/agent.cedar' is both")
			.withMessageContaining("/test/policies/agent.cedar")
			.withMessageContaining("/main/policies/agent.cedar");
	}

	@Test
	void theSameFileReachedTwiceIsReadOnce() throws Exception {
		Path main = classes("main", "policies/agent.cedar", "@id(\"a\") permit(principal, action, resource);");
		assertThat(PolicyResources.load(List.of("classpath:policies/", "classpath:policies/agent.cedar"),
				resolver(main)))
			.singleElement();
	}

	@Test
	void nothingFoundIsAClearError() throws Exception {
		Path empty = Files.createDirectories(this.directory.resolve("empty"));
		assertThatIllegalStateException()
			.isThrownBy(() -> PolicyResources.load(List.of("classpath:policies/"), resolver(empty)))
			.withMessageContaining("No Cedar policies found at [classpath:policies/]");
	}

	@Test
	void bootJarClassesAreTheApplicationsOwn() {
		assertThat(PolicyResources.isOwn("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/policies/a.cedar")).isTrue();
		assertThat(PolicyResources.isOwn("jar:file:/srv/app.war!/WEB-INF/classes/policies/a.cedar")).isTrue();
		assertThat(PolicyResources.isOwn("file:/work/app/target/classes/policies/a.cedar")).isTrue();
		assertThat(PolicyResources.isOwn("jar:nested:/srv/app.jar/!BOOT-INF/lib/dep.jar!/policies/a.cedar")).isFalse();
		assertThat(PolicyResources.isOwn("jar:file:/m2/dep.jar!/policies/a.cedar")).isFalse();
	}

}
