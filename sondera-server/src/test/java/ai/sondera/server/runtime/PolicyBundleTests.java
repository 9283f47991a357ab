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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.support.Digests;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Policy bundles: verification, the cache, rollback, and a runtime following the active
 * version.
 *
 * @author Sondera
 */
class PolicyBundleTests {

	private static final String ALLOW_ECHO = "@id(\"echo\") permit(principal, action == Runtime::Action::\"tool__echo\", resource);\n";

	private static final String DENY_ECHO = "@id(\"no-echo\") forbid(principal, action == Runtime::Action::\"tool__echo\", resource);\n"
			+ ALLOW_ECHO;

	@TempDir
	Path directory;

	private Path bundle(String name, String version, Map<String, String> files, Map<String, String> hashes)
			throws IOException {
		Path archive = this.directory.resolve(name + "-" + version + "-" + System.nanoTime() + ".tar.gz");
		StringBuilder manifest = new StringBuilder("{\"name\": \"" + name + "\", \"version\": \"" + version
				+ "\", \"created\": \"2026-12-02T10:00:00Z\", \"files\": {");
		String separator = "";
		for (Map.Entry<String, String> hash : hashes.entrySet()) {
			manifest.append(separator).append('"').append(hash.getKey()).append("\": \"").append(hash.getValue()).append('"');
			separator = ", ";
		}
		manifest.append("}}");
		try (OutputStream out = Files.newOutputStream(archive);
				TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
			add(tar, "manifest.json", manifest.toString());
			for (Map.Entry<String, String> file : files.entrySet()) {
				add(tar, file.getKey(), file.getValue());
			}
		}
		return archive;
	}

	private Path bundle(String name, String version, String cedar) throws IOException {
		return bundle(name, version, Map.of("policies/main.cedar", cedar), Map.of("policies/main.cedar", hash(cedar)));
	}

	private static String hash(String text) {
		return Digests.sha256(text);
	}

	private static void add(TarArchiveOutputStream tar, String path, String content) throws IOException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		TarArchiveEntry entry = new TarArchiveEntry(path, true);
		entry.setSize(bytes.length);
		tar.putArchiveEntry(entry);
		tar.write(bytes);
		tar.closeArchiveEntry();
	}

	@Test
	void aVerifiedBundleNamesItsPolicies() throws Exception {
		PolicyBundle bundle = PolicyBundle.read(bundle("acme", "1.0.0", ALLOW_ECHO));
		assertThat(bundle.policy().ref()).isEqualTo("bundle:acme@1.0.0");
		assertThat(bundle.policy().sources()).singleElement()
			.satisfies((source) -> assertThat(source.origin()).isEqualTo("acme@1.0.0/policies/main.cedar"));
	}

	@Test
	void tamperedTraversingLinkedAndUnlistedContentIsRefused() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicyBundle.read(bundle("acme", "1", Map.of("main.cedar", DENY_ECHO),
					Map.of("main.cedar", hash(ALLOW_ECHO)))))
			.withMessageContaining("'main.cedar' does not match its hash");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicyBundle.read(bundle("acme", "1", Map.of("main.cedar", ALLOW_ECHO, "../evil.cedar",
					ALLOW_ECHO), Map.of("main.cedar", hash(ALLOW_ECHO), "../evil.cedar", hash(ALLOW_ECHO)))))
			.withMessageContaining("leaves the bundle");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicyBundle.read(bundle("acme", "1", Map.of("/etc/evil.cedar", ALLOW_ECHO),
					Map.of("/etc/evil.cedar", hash(ALLOW_ECHO)))))
			.withMessageContaining("absolute path");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicyBundle.read(bundle("acme", "1", Map.of("main.cedar", ALLOW_ECHO, "extra.cedar",
					DENY_ECHO), Map.of("main.cedar", hash(ALLOW_ECHO)))))
			.withMessageContaining("files not in the manifest: [extra.cedar]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicyBundle.read(bundle("acme", "1", Map.of(), Map.of("main.cedar", hash(ALLOW_ECHO)))))
			.withMessageContaining("in the manifest but not in the bundle");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicyBundle.read(bundle("../acme", "1", ALLOW_ECHO)))
			.withMessageContaining("'name' and 'version'");
		Path linked = this.directory.resolve("linked.tar.gz");
		try (OutputStream out = Files.newOutputStream(linked);
				TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
			TarArchiveEntry link = new TarArchiveEntry("main.cedar", TarArchiveEntry.LF_SYMLINK);
			link.setLinkName("/etc/passwd");
			tar.putArchiveEntry(link);
			tar.closeArchiveEntry();
		}
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyBundle.read(linked))
			.withMessageContaining("is a link");
		Path garbage = Files.writeString(this.directory.resolve("garbage.tar.gz"), "not a bundle");
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyBundle.read(garbage))
			.withMessageContaining("not a readable .tar.gz");
	}

	@Test
	void theCacheActivatesRollsBackAndNeverActivatesAnInvalidVersion() throws Exception {
		BundleCache cache = new BundleCache(this.directory.resolve("cache"));
		cache.load(bundle("acme", "1.0.0", ALLOW_ECHO));
		cache.load(bundle("acme", "1.1.0", DENY_ECHO));
		assertThat(cache.activeVersion("acme")).isEqualTo("1.1.0");
		assertThatThrownBy(() -> cache.load(bundle("acme", "2.0.0", "permit(principal, action == Runtime::Action::\"nope\", resource);")))
			.isInstanceOf(PolicyLoadException.class);
		assertThat(cache.activeVersion("acme")).isEqualTo("1.1.0");
		assertThat(cache.list()).containsExactly("acme 1.0.0 created 2026-12-02T10:00:00Z",
				"acme 1.1.0 created 2026-12-02T10:00:00Z (active)");
		assertThat(cache.rollback("acme").version()).isEqualTo("1.0.0");
		assertThat(cache.active("acme").policy().ref()).isEqualTo("bundle:acme@1.0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> cache.rollback(null))
			.withMessageContaining("no earlier version");
		assertThatIllegalArgumentException().isThrownBy(() -> cache.load(bundle("acme", "1.0.0", DENY_ECHO)))
			.withMessageContaining("already in the cache with other content");
		Path stored = this.directory.resolve("cache/acme/versions/1.0.0/policies/main.cedar");
		Files.writeString(stored, DENY_ECHO);
		assertThatIllegalArgumentException().isThrownBy(() -> cache.active("acme"))
			.withMessageContaining("does not match its hash");
	}

	@Test
	void aRuntimeFollowsTheActiveVersionAndKeepsItAcrossRestarts() throws Exception {
		Path cache = this.directory.resolve("cache");
		Map<String, String> environment = Map.of("SONDERA_BUNDLE_CACHE", cache.toString());
		assertThat(command(environment, "policy", "load", "--bundle", bundle("acme", "1.0.0", ALLOW_ECHO).toString()))
			.isZero();
		RuntimePolicy active = RuntimePolicy.resolve("acme", new BundleCache(cache));
		try (ToolRuntime runtime = ToolRuntime.start(new RuntimeOptions("127.0.0.1", 0, active, Set.of(),
				this.directory.resolve("data")))) {
			assertThat(runtime.policyRef()).isEqualTo("bundle:acme@1.0.0");
			assertThat(command(environment, "policy", "load", "--bundle", bundle("acme", "1.1.0", DENY_ECHO).toString()))
				.isZero();
			runtime.switchTo(RuntimePolicy.resolve("acme", new BundleCache(cache)));
			assertThat(runtime.policyRef()).isEqualTo("bundle:acme@1.1.0");
			assertThatThrownBy(() -> runtime.switchTo(new RuntimePolicy("bundle:broken@1",
					List.of(new PolicySource("broken.cedar", "permit(")))))
				.isInstanceOf(PolicyLoadException.class);
			assertThat(runtime.policyRef()).isEqualTo("bundle:acme@1.1.0");
		}
		assertThat(RuntimePolicy.resolve("acme", new BundleCache(cache)).ref()).isEqualTo("bundle:acme@1.1.0");
		assertThat(command(environment, "policy", "rollback")).isZero();
		assertThat(RuntimePolicy.resolve("acme", new BundleCache(cache)).ref()).isEqualTo("bundle:acme@1.0.0");
		assertThat(RuntimePolicy.resolve("acme@1.1.0", new BundleCache(cache)).ref()).isEqualTo("bundle:acme@1.1.0");
	}

	@Test
	void packThenValidateThenLoad() throws Exception {
		Path policies = Files.createDirectories(this.directory.resolve("policies/nested"));
		Files.writeString(policies.resolve("echo.cedar"), ALLOW_ECHO);
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SONDERA_BUNDLE_CACHE", this.directory.resolve("cache").toString());
		Path archive = this.directory.resolve("acme.tar.gz");
		assertThat(command(environment, "policy", "pack", this.directory.resolve("policies").toString(), "--name", "acme",
				"--version", "3.0.0", "--output", archive.toString()))
			.isZero();
		assertThat(command(environment, "policy", "validate", archive.toString())).isZero();
		assertThat(command(environment, "policy", "load", "--bundle", archive.toString())).isZero();
		assertThat(new BundleCache(this.directory.resolve("cache")).activeVersion("acme")).isEqualTo("3.0.0");
		Files.writeString(policies.resolve("bad.cedar"), "permit(principal, action == Runtime::Action::\"nope\", resource);");
		assertThat(command(environment, "policy", "validate", this.directory.resolve("policies").toString())).isEqualTo(1);
	}

	private static int command(Map<String, String> environment, String... args) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		return SonderaCommand.execute(args, new PrintStream(output, true), new PrintStream(output, true), environment);
	}

}
