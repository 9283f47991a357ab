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

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code sondera} command line: {@code sondera run [--policy DIR] -- CMD [ARGS...]}
 * runs a command against a runtime on a free loopback port, and
 * {@code sondera runtime start [--demo | --policy DIR] [--listen HOST:PORT]
 * [--allowed-domains a.com,b.org]} runs the runtime as a daemon.
 *
 * @author Sondera
 */
public final class SonderaCommand {

	static final String USAGE = """
			Usage:
			  sondera run [--policy DIR] [--data DIR] [--] CMD [ARGS...]
			      Start the tool runtime on 127.0.0.1 (a free port), run CMD with SONDERA_RUNTIME_URL and
			      AUTONOMY_RUNTIME_URL set to it, stop the runtime when CMD exits, exit with CMD's exit code.
			      tool.http_get is refused in this mode (empty allowlist).
			  sondera runtime start [--demo | --policy DIR] [--listen HOST:PORT] [--allowed-domains a.com,b.org] [--data DIR]
			      Run the tool runtime until stopped (default listen 127.0.0.1:7777).
			Without --policy the embedded demo policy decides. Trajectories and the audit log go to --data (default .sondera).
			""";

	private SonderaCommand() {
	}

	public static void main(String[] args) {
		System.exit(execute(args, System.out, System.err));
	}

	static int execute(String[] args, PrintStream out, PrintStream err) {
		List<String> arguments = Arrays.asList(args);
		if (arguments.isEmpty() || arguments.contains("--help") && !arguments.contains("--")
				|| arguments.get(0).equals("help")) {
			out.print(USAGE);
			return arguments.isEmpty() ? 2 : 0;
		}
		try {
			if (arguments.get(0).equals("run")) {
				return run(arguments.subList(1, arguments.size()), err);
			}
			if (arguments.size() >= 2 && arguments.get(0).equals("runtime") && arguments.get(1).equals("start")) {
				return startDaemon(arguments.subList(2, arguments.size()), out);
			}
			err.println("Unknown command '" + String.join(" ", arguments.subList(0, Math.min(2, arguments.size())))
					+ "'");
			err.print(USAGE);
			return 2;
		}
		catch (IllegalArgumentException ex) {
			err.println("sondera: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("sondera: " + ex.getMessage());
			return 1;
		}
	}

	private static int run(List<String> args, PrintStream err) {
		Flags flags = Flags.parse(args, true);
		if (flags.command().isEmpty()) {
			throw new IllegalArgumentException("'sondera run' needs a command to run, e.g. sondera run python3 agent.py");
		}
		RuntimeOptions options = new RuntimeOptions("127.0.0.1", 0, flags.policy(), Set.of(), flags.data());
		try (ToolRuntime runtime = ToolRuntime.start(options)) {
			return new ChildProcess(flags.command(), runtime.url()).runToEnd();
		}
	}

	private static int startDaemon(List<String> args, PrintStream out) {
		Flags flags = Flags.parse(args, false);
		RuntimeOptions options = new RuntimeOptions(flags.host(), flags.port(), flags.policy(), flags.allowedHosts(),
				flags.data());
		ToolRuntime runtime = ToolRuntime.start(options);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			runtime.close();
			stopped.countDown();
		}, "sondera-runtime-shutdown"));
		out.println("Sondera tool runtime listening on " + runtime.url() + " (policy " + options.policy().ref() + ")");
		out.flush();
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	/**
	 * The parsed flags of a command.
	 */
	private record Flags(RuntimePolicy policy, String host, int port, Set<String> allowedHosts, Path data,
			List<String> command) {

		static Flags parse(List<String> args, boolean takesCommand) {
			RuntimePolicy policy = null;
			String listen = "127.0.0.1:7777";
			Set<String> allowed = new LinkedHashSet<>();
			Path data = Path.of(".sondera");
			int i = 0;
			while (i < args.size()) {
				String arg = args.get(i);
				if (arg.equals("--")) {
					i++;
					break;
				}
				if (!arg.startsWith("--")) {
					if (takesCommand) {
						break;
					}
					throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
				}
				switch (arg) {
					case "--demo" -> policy = RuntimePolicy.demo();
					case "--policy" -> policy = RuntimePolicy.directory(Path.of(value(args, ++i, arg)));
					case "--data" -> data = Path.of(value(args, ++i, arg));
					case "--listen" -> {
						if (takesCommand) {
							throw new IllegalArgumentException("'sondera run' always listens on 127.0.0.1 (a free port)");
						}
						listen = value(args, ++i, arg);
					}
					case "--allowed-domains" -> {
						if (takesCommand) {
							throw new IllegalArgumentException(
									"'sondera run' refuses every tool.http_get; use 'sondera runtime start --allowed-domains'");
						}
						allowed.addAll(Arrays.asList(value(args, ++i, arg).split(",")));
					}
					default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
				}
				i++;
			}
			int colon = listen.lastIndexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException("--listen must be HOST:PORT, but was '" + listen + "'");
			}
			int port;
			try {
				port = Integer.parseInt(listen.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--listen must be HOST:PORT, but was '" + listen + "'");
			}
			return new Flags((policy != null) ? policy : RuntimePolicy.demo(), listen.substring(0, colon), port,
					allowed, data, List.copyOf(args.subList(Math.min(i, args.size()), args.size())));
		}

		private static String value(List<String> args, int index, String option) {
			if (index >= args.size()) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args.get(index);
		}

	}

}
