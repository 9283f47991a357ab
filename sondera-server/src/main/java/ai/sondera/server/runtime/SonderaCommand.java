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
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ai.sondera.harness.audit.AuditLogVerifier;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.replay.Replay;
import ai.sondera.harness.replay.ReplayReport;
import ai.sondera.server.CommandLine;
import ai.sondera.server.PolicyDirectory;
import ai.sondera.store.jdbc.JdbcAuditLogVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sondera} command line: the tool runtime ({@code run}, {@code runtime start}),
 * the policy bundle cache ({@code policy load|list|rollback|validate|pack}) and
 * {@code audit verify}. Exit codes: 0 done, 1 failed, 2 wrong usage; {@code run} exits
 * with its program's code.
 *
 * @author Sondera
 */
public final class SonderaCommand {

	static final String USAGE = """
			Usage: sondera COMMAND [OPTIONS]

			  run [--policy POLICY] [--data DIR] [--] CMD [ARGS...]
			      Start the tool runtime on 127.0.0.1 (a free port), run CMD with SONDERA_RUNTIME_URL and
			      AUTONOMY_RUNTIME_URL set to its URL, stop the runtime when CMD exits, exit with CMD's code.
			      tool.http_get is refused in this mode (empty allowlist).
			  runtime start [--demo | --policy POLICY] [--listen HOST:PORT] [--allowed-domains a.com,b.org] [--data DIR]
			      Run the tool runtime until stopped (default --listen 127.0.0.1:7777). With --policy NAME it
			      follows the bundle's active version as it is loaded and rolled back; with --policy DIR it
			      picks up changed files. A change that does not validate leaves the last good policies serving.
			  policy load --bundle FILE.tar.gz     verify, validate, store and activate a bundle
			  policy list                          the bundles and versions in the cache
			  policy rollback [NAME]               activate the version before the active one
			  policy validate DIR|FILE.tar.gz      check a bundle or directory without activating it
			  policy diff --recorded DIR --policies DIR
			                                       replay recorded trajectories (a file store) against other
			                                       policies and report every decision that changes (exit 1)
			  policy pack DIR --name NAME --version VERSION [--output FILE.tar.gz]
			                                       write the .cedar files of DIR as a bundle
			  audit verify PATH                    check the hash chain of an audit log (file or directory)
			  audit verify jdbc:postgresql://HOST[:PORT]/DB [--user USER] [--password PASSWORD]
			                                       check the audit chain shared by several instances in
			                                       PostgreSQL (or PGUSER / PGPASSWORD)

			POLICY: a directory of .cedar files, a bundle FILE.tar.gz, NAME (the active version in the cache)
			or NAME@VERSION. Without one, the embedded demo policy decides. The cache is ~/.sondera/bundles
			(--cache DIR or SONDERA_BUNDLE_CACHE); trajectories and the audit log go to --data (default .sondera).
			""";

	private static final Logger logger = LoggerFactory.getLogger(SonderaCommand.class);

	private static final Set<String> FLAGS = Set.of("--demo", "--help");

	private static final Set<String> VALUED = Set.of("--policy", "--data", "--cache", "--listen", "--allowed-domains",
			"--bundle", "--name", "--version", "--output", "--user", "--password", "--recorded", "--policies");

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> environment;

	private SonderaCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
		this.out = out;
		this.err = err;
		this.environment = environment;
	}

	public static void main(String[] args) {
		System.exit(execute(args, System.out, System.err, System.getenv()));
	}

	static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
		return new SonderaCommand(out, err, environment).execute(Arrays.asList(args));
	}

	private int execute(List<String> args) {
		if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
			this.out.print(USAGE);
			return args.isEmpty() ? 2 : 0;
		}
		String command = String.join(" ", args.subList(0, Math.min(args.get(0).equals("run") ? 1 : 2, args.size())));
		List<String> rest = args.subList(Math.min(command.split(" ").length, args.size()), args.size());
		try {
			CommandLine line = CommandLine.parse(rest, VALUED, FLAGS, command.equals("run"));
			if (line.has("--help")) {
				this.out.print(USAGE);
				return 0;
			}
			return switch (command) {
				case "run" -> run(line);
				case "runtime start" -> startRuntime(line);
				case "policy load" -> load(line);
				case "policy list" -> list(line);
				case "policy rollback" -> rollback(line);
				case "policy validate" -> validate(line);
				case "policy pack" -> pack(line);
				case "policy diff" -> diff(line);
				case "audit verify" -> verify(line);
				default -> {
					this.err.println("sondera: unknown command '" + command + "'");
					this.err.print(USAGE);
					yield 2;
				}
			};
		}
		catch (IllegalArgumentException ex) {
			this.err.println("sondera " + command + ": " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			this.err.println("sondera " + command + ": " + ex.getMessage());
			return 1;
		}
	}

	private int run(CommandLine line) {
		if (line.arguments().isEmpty()) {
			throw new IllegalArgumentException("give the program to run, e.g. sondera run python3 agent.py");
		}
		if (line.has("--listen") || line.has("--allowed-domains")) {
			throw new IllegalArgumentException("it always listens on 127.0.0.1 (a free port) and refuses every"
					+ " tool.http_get; for --listen or --allowed-domains use 'sondera runtime start'");
		}
		RuntimeOptions options = new RuntimeOptions("127.0.0.1", 0, policy(line), Set.of(), data(line));
		try (ToolRuntime runtime = ToolRuntime.start(options)) {
			return new ChildProcess(line.arguments(), runtime.url()).runToEnd();
		}
	}

	private int startRuntime(CommandLine line) {
		String listen = Objects.requireNonNullElse(line.option("--listen"), "127.0.0.1:7777");
		int colon = listen.lastIndexOf(':');
		int port = (colon > 0) ? CommandLine.port(listen.substring(colon + 1)) : -1;
		if (port < 0) {
			throw new IllegalArgumentException("--listen must be HOST:PORT, but was '" + listen + "'");
		}
		Set<String> allowed = (line.option("--allowed-domains") != null)
				? Arrays.stream(line.option("--allowed-domains").split(",")).map(String::trim)
					.filter((host) -> !host.isEmpty()).collect(Collectors.toSet())
				: Set.of();
		RuntimePolicy policy = policy(line);
		ToolRuntime runtime = ToolRuntime.start(
				new RuntimeOptions(listen.substring(0, colon), port, policy, allowed, data(line)));
		ScheduledExecutorService follower = follow(line, policy, runtime);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			follower.shutdownNow();
			runtime.close();
			stopped.countDown();
		}, "sondera-runtime-shutdown"));
		this.out.println("Sondera tool runtime listening on " + runtime.url() + " (policy " + runtime.policyRef() + ")");
		this.out.flush();
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private ScheduledExecutorService follow(CommandLine line, RuntimePolicy started, ToolRuntime runtime) {
		ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sondera-policy-follower");
			thread.setDaemon(true);
			return thread;
		});
		String spec = line.option("--policy");
		if (started.isDirectory()) {
			PolicyDirectory directory = new PolicyDirectory(Path.of(spec).toAbsolutePath().normalize(),
					(sources) -> runtime.switchTo(new RuntimePolicy(started.ref(), sources)), started.sources());
			follower.scheduleWithFixedDelay(directory::check, 2, 2, TimeUnit.SECONDS);
		}
		else if (spec != null && RuntimePolicy.isBundleName(spec)) {
			BundleCache cache = cache(line);
			follower.scheduleWithFixedDelay(() -> {
				try {
					String ref = "bundle:" + spec + "@" + cache.activeVersion(spec);
					if (!ref.equals(runtime.policyRef())) {
						runtime.switchTo(RuntimePolicy.resolve(spec, cache));
					}
				}
				catch (RuntimeException ex) {
					logger.error("Bundle '{}' changed but cannot be used; {} keeps serving: {}", spec,
							runtime.policyRef(), ex.getMessage());
				}
			}, 2, 2, TimeUnit.SECONDS);
		}
		return follower;
	}

	private int load(CommandLine line) {
		String bundle = line.option("--bundle");
		if (bundle == null) {
			throw new IllegalArgumentException("give the bundle: sondera policy load --bundle FILE.tar.gz");
		}
		PolicyBundle loaded = cache(line).load(Path.of(bundle));
		this.out.println("Loaded " + loaded.name() + "@" + loaded.version() + " (active)");
		return 0;
	}

	private int list(CommandLine line) {
		List<String> bundles = cache(line).list();
		if (bundles.isEmpty()) {
			this.out.println("No bundles in the cache");
		}
		bundles.forEach(this.out::println);
		return 0;
	}

	private int rollback(CommandLine line) {
		String name = line.arguments().isEmpty() ? null : line.argument("bundle name");
		PolicyBundle active = cache(line).rollback(name);
		this.out.println("Rolled back: " + active.name() + "@" + active.version() + " is active");
		return 0;
	}

	private int validate(CommandLine line) {
		RuntimePolicy policy = RuntimePolicy.resolve(line.argument("directory or bundle"), cache(line));
		policy.validate();
		int files = policy.sources().size();
		this.out.println("OK: " + policy.ref() + " (" + files + ((files == 1) ? " policy file)" : " policy files)"));
		return 0;
	}

	private int pack(CommandLine line) {
		Path directory = Path.of(line.argument("directory of .cedar files"));
		String name = line.option("--name");
		String version = line.option("--version");
		if (name == null || version == null) {
			throw new IllegalArgumentException("give --name and --version");
		}
		Path output = Path.of(Objects.requireNonNullElse(line.option("--output"), name + "-" + version + ".tar.gz"));
		Path written = BundlePacker.pack(directory, name, version, output);
		PolicyBundle.read(written).policy().validate();
		this.out.println("Wrote " + written);
		return 0;
	}

	private int diff(CommandLine line) {
		String recorded = line.option("--recorded");
		String policies = line.option("--policies");
		if (recorded == null || policies == null) {
			throw new IllegalArgumentException("give --recorded DIR (recorded trajectories) and --policies DIR");
		}
		ReplayReport report = Replay.of(Path.of(recorded)).against(PolicySource.fromPath(Path.of(policies)));
		this.out.print(report.format());
		return report.hasChanges() ? 1 : 0;
	}

	private int verify(CommandLine line) {
		String target = line.argument("audit log path or jdbc:postgresql:// URL");
		if (target.startsWith("jdbc:")) {
			return verifyDatabase(target, line);
		}
		Path path = Path.of(target);
		Path file = Files.isDirectory(path) ? path.resolve(FileAuditLog.FILE_NAME) : path;
		try {
			AuditLogVerifier.Result result = AuditLogVerifier.verify(file);
			this.out.println((result.valid() ? "OK: " : "BROKEN: ") + result.message());
			return result.valid() ? 0 : 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
	}

	private int verifyDatabase(String url, CommandLine line) {
		Properties credentials = new Properties();
		String user = Objects.requireNonNullElse(line.option("--user"), this.environment.getOrDefault("PGUSER", ""));
		String password = Objects.requireNonNullElse(line.option("--password"),
				this.environment.getOrDefault("PGPASSWORD", ""));
		if (!user.isEmpty()) {
			credentials.setProperty("user", user);
		}
		if (!password.isEmpty()) {
			credentials.setProperty("password", password);
		}
		try (Connection connection = DriverManager.getConnection(url, credentials)) {
			AuditLogVerifier.Result result = JdbcAuditLogVerifier.verify(connection);
			this.out.println((result.valid() ? "OK: " : "BROKEN: ") + result.message());
			return result.valid() ? 0 : 1;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the audit chain at " + url + ": " + ex.getMessage(), ex);
		}
	}

	private RuntimePolicy policy(CommandLine line) {
		String spec = line.option("--policy");
		if (spec != null && line.has("--demo")) {
			throw new IllegalArgumentException("give --demo or --policy, not both");
		}
		return (spec != null) ? RuntimePolicy.resolve(spec, cache(line)) : RuntimePolicy.demo();
	}

	private BundleCache cache(CommandLine line) {
		String cache = line.option("--cache");
		return (cache != null) ? new BundleCache(Path.of(cache)) : BundleCache.fromEnvironment(this.environment);
	}

	private static Path data(CommandLine line) {
		return Path.of(Objects.requireNonNullElse(line.option("--data"), ".sondera"));
	}

}
