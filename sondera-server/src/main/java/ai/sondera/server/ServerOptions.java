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
package ai.sondera.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The command line of {@code sondera-server.jar}.
 *
 * <pre>
 * java -jar sondera-server.jar --policies DIR [--grpc-port PORT] [--token-file FILE]
 *     [--listen ADDRESS] [--data DIR] [--tls-cert FILE --tls-key FILE]
 * </pre>
 *
 * Tokens: one per line in the token file, and/or in {@code SONDERA_SERVER_TOKENS}
 * (separated by commas or new lines). Without any token the server does not start.
 *
 * @param policies the directory (or file) of {@code .cedar} policies
 * @param grpcPort the port (0 for any free port)
 * @param listen the address to listen on (loopback by default)
 * @param data where trajectories and the audit log are written
 * @param tokens the accepted tokens
 * @param tlsCert the TLS certificate chain (PEM), or {@code null} for plaintext
 * @param tlsKey the TLS private key (PEM), or {@code null}
 * @author Sondera
 */
public record ServerOptions(Path policies, int grpcPort, String listen, Path data, List<String> tokens, Path tlsCert,
		Path tlsKey) {

	/** The usage line. */
	public static final String USAGE = "Usage: java -jar sondera-server.jar --policies DIR [--grpc-port PORT]"
			+ " [--token-file FILE] [--listen ADDRESS] [--data DIR] [--tls-cert FILE --tls-key FILE]";

	private static final Set<String> OPTIONS = Set.of("--policies", "--grpc-port", "--listen", "--data", "--token-file",
			"--tls-cert", "--tls-key");

	/**
	 * Read the options.
	 * @param args the command-line arguments
	 * @param environment the process environment
	 * @return the options
	 * @throws IllegalArgumentException with what is wrong and the usage line
	 */
	public static ServerOptions parse(String[] args, Map<String, String> environment) {
		CommandLine line;
		try {
			line = CommandLine.parse(Arrays.asList(args), OPTIONS, Set.of(), false);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + ". " + USAGE, ex);
		}
		if (!line.arguments().isEmpty()) {
			throw new IllegalArgumentException("Unexpected argument '" + line.arguments().get(0) + "'. " + USAGE);
		}
		Path policies = path(line.option("--policies"));
		int port = (line.option("--grpc-port") != null) ? port(line.option("--grpc-port")) : 50051;
		String listen = Objects.requireNonNullElse(line.option("--listen"), "127.0.0.1");
		Path data = Path.of(Objects.requireNonNullElse(line.option("--data"), ".sondera"));
		Path tokenFile = path(line.option("--token-file"));
		Path cert = path(line.option("--tls-cert"));
		Path key = path(line.option("--tls-key"));
		if (policies == null) {
			throw new IllegalArgumentException("--policies is required. " + USAGE);
		}
		if ((cert == null) != (key == null)) {
			throw new IllegalArgumentException("--tls-cert and --tls-key go together. " + USAGE);
		}
		List<String> tokens = new ArrayList<>();
		if (tokenFile != null) {
			tokens.addAll(lines(read(tokenFile)));
		}
		tokens.addAll(lines(environment.getOrDefault("SONDERA_SERVER_TOKENS", "").replace(',', '\n')));
		if (tokens.isEmpty()) {
			throw new IllegalArgumentException("No token: give --token-file FILE (one token per line) or set"
					+ " SONDERA_SERVER_TOKENS; the server never accepts unauthenticated calls. " + USAGE);
		}
		return new ServerOptions(policies, port, listen, data, List.copyOf(tokens), cert, key);
	}

	private static int port(String value) {
		int port = CommandLine.port(value);
		if (port < 0) {
			throw new IllegalArgumentException("--grpc-port must be a port number (0-65535), but was '" + value + "'");
		}
		return port;
	}

	private static Path path(String value) {
		return (value != null) ? Path.of(value) : null;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the token file " + file, ex);
		}
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::trim).filter((line) -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

}
