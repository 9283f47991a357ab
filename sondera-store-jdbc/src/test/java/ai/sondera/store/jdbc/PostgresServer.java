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

package ai.sondera.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests, started from the binaries of Debian's
 * {@code postgresql} package (installed by {@code .ci/run}) in a temporary directory on a
 * free loopback port, and removed when the JVM exits. Run as root, the server runs as the
 * {@code postgres} user (PostgreSQL refuses to run as root).
 *
 * <p>
 * Without the binaries, tests are skipped with the reason, except under {@code CI=true},
 * where they fail: CI must not pass without the database tests.
 *
 * @author Sondera
 */
public final class PostgresServer implements AutoCloseable {

	private static final String USER = "sondera";

	private static PostgresServer shared;

	private final Path bin;

	private final Path directory;

	private final int port;

	private final boolean asPostgresUser;

	private PostgresServer(Path bin, Path directory, int port, boolean asPostgresUser) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	/**
	 * Return the server shared by the tests of this JVM, starting it on first use.
	 * @return the server
	 */
	public static synchronized PostgresServer shared() {
		if (shared == null) {
			shared = start(false);
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		return shared;
	}

	/**
	 * Start a server of one's own (for tests that stop and restart it).
	 * @param fsync whether the server syncs its writes to disk (off for speed in tests)
	 * @return the running server
	 */
	public static PostgresServer start(boolean fsync) {
		Path bin = binaries();
		try {
			Path directory = Files.createTempDirectory("sondera-pg-");
			boolean root = "root".equals(System.getProperty("user.name"));
			PostgresServer server = new PostgresServer(bin, directory, freePort(), root);
			if (root) {
				run(List.of("chown", "postgres", directory.toString()));
			}
			server.exec("initdb", "-D", server.data(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync");
			String options = "-c fsync=" + (fsync ? "on" : "off") + " -c synchronous_commit="
					+ (fsync ? "on" : "off") + " -c full_page_writes=" + (fsync ? "on" : "off");
			Files.writeString(directory.resolve("options"), options);
			server.startServer();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path binaries() {
		Path root = Path.of("/usr/lib/postgresql");
		Path bin = null;
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				bin = versions.map((version) -> version.resolve("bin"))
					.filter((candidate) -> Files.isExecutable(candidate.resolve("initdb")))
					.max(Comparator.comparing((candidate) -> Integer.parseInt(candidate.getParent().getFileName().toString())))
					.orElse(null);
			}
			catch (IOException | NumberFormatException ex) {
				bin = null;
			}
		}
		if (bin == null) {
			String reason = "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb);"
					+ " install Debian's postgresql package (apt-get install -y postgresql), as .ci/run does";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason);
			}
			Assumptions.abort(reason);
		}
		return bin;
	}

	/**
	 * Create an empty database.
	 * @return its JDBC URL
	 */
	public String createDatabase() {
		String name = "sondera_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a database on " + url("postgres"), ex);
		}
		return url(name);
	}

	/**
	 * Return a pooled data source for a database.
	 * @param url the database's JDBC URL
	 * @param poolSize the most connections
	 * @return the data source, to be closed by the caller
	 */
	public static HikariDataSource dataSource(String url, int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(USER);
		config.setMaximumPoolSize(poolSize);
		config.setConnectionTimeout(2_000);
		config.setInitializationFailTimeout(-1);
		return new HikariDataSource(config);
	}

	/**
	 * Return the user to connect as (no password).
	 * @return the user name
	 */
	public static String user() {
		return USER;
	}

	/**
	 * Stop the server (fast shutdown: connections are cut).
	 */
	public void stop() {
		exec("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
	}

	/**
	 * Start a stopped server again, on the same port and data.
	 */
	public void startServer() {
		String options;
		try {
			options = Files.readString(this.directory.resolve("options"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		exec("pg_ctl", "-D", data(), "-l", this.directory.resolve("server.log").toString(), "-w", "-o",
				"-p " + this.port + " -k " + this.directory + " -c listen_addresses=127.0.0.1 " + options, "start");
	}

	@Override
	public void close() {
		try {
			stop();
		}
		catch (RuntimeException ex) {
			// already stopped
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// best effort
		}
	}

	private String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	private String data() {
		return this.directory.resolve("data").toString();
	}

	private void exec(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.asPostgresUser) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		run(command);
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
