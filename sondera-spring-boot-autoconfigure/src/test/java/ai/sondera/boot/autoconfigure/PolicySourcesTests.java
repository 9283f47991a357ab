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
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import ai.sondera.boot.autoconfigure.actuate.SonderaEndpoint;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.policy.PolicySourceInfo;
import ai.sondera.harness.support.Digests;
import ai.sondera.spring.ai.policy.PolicyResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Policies come only from where the application says: a dependency's
 * {@code policies/*.cedar} is not read unless {@code classpath*:} says so, two sources
 * with one name are an error, and every source is logged, shown and audited.
 */
@ExtendWith(OutputCaptureExtension.class)
class PolicySourcesTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final String EXTRA = """
			@id("extra-permit") permit(principal, action == Bank::Action::"run", resource);
			""";

	@TempDir
	Path directory;

	/**
	 * Build a jar with the given entries (and their directory entries, as build tools
	 * write them) and a class loader that sees it after the test classpath.
	 */
	private URLClassLoader classLoaderWithJar(String name, Map<String, String> entries) throws IOException {
		Path jar = this.directory.resolve(name);
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			jarOut.putNextEntry(new JarEntry("policies/"));
			jarOut.closeEntry();
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				jarOut.putNextEntry(new JarEntry(entry.getKey()));
				jarOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				jarOut.closeEntry();
			}
		}
		return new URLClassLoader(new URL[] { jar.toUri().toURL() }, getClass().getClassLoader());
	}

	private ApplicationContextRunner runner(ClassLoader classLoader) {
		return BankApplication.runner(SonderaActuatorAutoConfiguration.class).withClassLoader(classLoader);
	}

	@Test
	void dependencyPoliciesAreNotReadByDefault() throws IOException {
		URLClassLoader loader = classLoaderWithJar("extra-policies.jar", Map.of("policies/extra.cedar", EXTRA));
		runner(loader).withPropertyValues("sondera.cedar.policies=classpath:it/,classpath:policies/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CedarPolicyHarness harness = context.getBean(CedarPolicyHarness.class);
				assertThat(harness.policySources()).extracting(PolicySourceInfo::origin)
					.containsExactly("classpath:it/bank.cedar");
				assertThat(harness.loadedPolicies()).noneMatch((policy) -> policy.metadata().id().equals("extra-permit"));
			});
		runner(loader).withPropertyValues("sondera.cedar.policies=classpath:policies/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("No Cedar policies found at [classpath:policies/]")
				.hasMessageContaining("extra-policies.jar!/policies/extra.cedar")
				.hasMessageContaining("classpath*:");
		});
	}

	@Test
	void dependencyPoliciesAreReadAndLoggedWhenChosen(CapturedOutput output) throws IOException {
		URLClassLoader loader = classLoaderWithJar("extra-policies.jar", Map.of("policies/extra.cedar", EXTRA));
		runner(loader).withPropertyValues("sondera.cedar.policies=classpath:it/,classpath*:policies/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CedarPolicyHarness harness = context.getBean(CedarPolicyHarness.class);
				PolicySourceInfo extra = harness.policySources()
					.stream()
					.filter((source) -> source.origin().equals("classpath:policies/extra.cedar"))
					.findFirst()
					.orElseThrow();
				assertThat(extra.location()).startsWith("jar:file:").endsWith("extra-policies.jar!/policies/extra.cedar");
				assertThat(extra.policies()).isEqualTo(1);
				assertThat(extra.sha256()).isEqualTo(Digests.sha256(EXTRA));
				assertThat(output).contains("Loaded 1 Cedar policies from classpath:policies/extra.cedar ("
						+ extra.location() + ", sha256 " + extra.sha256() + ")");
				assertThat(output).contains("Loaded 11 Cedar policies from classpath:it/bank.cedar (file:");
			});
	}

	@Test
	void twoSourcesWithOneNameAreAStartupErrorNamingBoth() throws IOException {
		Path classes = Files.createDirectories(this.directory.resolve("classes/policies"));
		Files.writeString(classes.resolve("agent.cedar"), "@id(\"mine\") permit(principal, action, resource);\n");
		URLClassLoader dependency = classLoaderWithJar("dependency.jar",
				Map.of("policies/agent.cedar", "@id(\"theirs\") permit(principal, action, resource);\n"));
		URLClassLoader loader = new URLClassLoader(new URL[] { this.directory.resolve("classes").toUri().toURL() },
				dependency);
		IllegalStateException error = org.assertj.core.api.Assertions.catchThrowableOfType(IllegalStateException.class,
				() -> PolicyResources.load(List.of("classpath*:policies/"), new PathMatchingResourcePatternResolver(loader)));
		assertThat(error).hasMessageContaining("'classpath:policies/agent.cedar' is both")
			.hasMessageContaining("dependency.jar!/policies/agent.cedar")
			.hasMessageContaining("file:" + classes.resolve("agent.cedar"));
		List<PolicySource> own = PolicyResources.load(List.of("classpath:policies/"),
				new PathMatchingResourcePatternResolver(loader));
		assertThat(own).singleElement().satisfies((source) -> assertThat(source.text()).contains("mine"));
	}

	@Test
	void endpointShowsSourcesAndAuditRecordsTheSetDigest() {
		Path audit = this.directory.resolve("audit");
		BankApplication.runner(SonderaActuatorAutoConfiguration.class)
			.withPropertyValues("sondera.audit.path=" + audit, "management.endpoints.web.exposure.include=sondera")
			.run((context) -> {
				CedarPolicyHarness harness = context.getBean(CedarPolicyHarness.class);
				Map<String, Object> described = context.getBean(SonderaEndpoint.class).sondera();
				assertThat(described).containsEntry("policySetDigest", harness.policySetDigest());
				assertThat(described.get("sources")).asList()
					.singleElement()
					.satisfies((source) -> {
						PolicySourceInfo info = (PolicySourceInfo) source;
						assertThat(info.origin()).isEqualTo("classpath:it/bank.cedar");
						assertThat(info.sha256()).hasSize(64);
					});
				harness.initialize(context.getBean(ai.sondera.spring.ai.tool.AgentToolCatalog.class).agent(), null)
					.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("run", Map.of("command", "ls")));
				List<String> lines = Files.readAllLines(audit.resolve(FileAuditLog.FILE_NAME));
				JsonNode record = MAPPER.readTree(lines.get(lines.size() - 1));
				assertThat(record.get("policySet").asText()).isEqualTo(harness.policySetDigest());
			});
	}

	@Test
	void reloadLogsNewAndRemovedSourcesAndKeepsTheLastSetWhenAllAreGone(CapturedOutput output) throws Exception {
		Path policies = Files.createDirectories(this.directory.resolve("policies"));
		Files.writeString(policies.resolve("bank.cedar"), "@id(\"allow-all\") permit(principal, action, resource);\n");
		BankApplication.runner()
			.withPropertyValues("sondera.cedar.policies=" + policies.toUri(), "sondera.cedar.reload.interval=100ms")
			.run((context) -> {
				CedarPolicyHarness harness = context.getBean(CedarPolicyHarness.class);
				Files.writeString(policies.resolve("extra.cedar"), EXTRA);
				await().atMost(Duration.ofSeconds(10)).until(() -> harness.policySources().size() == 2);
				assertThat(output).contains("New policy source: loaded 1 Cedar policies from " + policies.resolve("extra.cedar"));
				Files.delete(policies.resolve("extra.cedar"));
				await().atMost(Duration.ofSeconds(10)).until(() -> harness.policySources().size() == 1);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.toString().contains("Policy source removed: " + policies.resolve("extra.cedar")));
				assertThat(output).contains("held policies [extra-permit]");
				long version = harness.policyVersion();
				Files.delete(policies.resolve("bank.cedar"));
				await().atMost(Duration.ofSeconds(10)).until(() -> output.toString().contains("No Cedar policies found"));
				assertThat(harness.policyVersion()).isEqualTo(version);
				assertThat(harness.policySources()).singleElement()
					.satisfies((source) -> assertThat(source.origin()).endsWith("bank.cedar"));
			});
	}

}
