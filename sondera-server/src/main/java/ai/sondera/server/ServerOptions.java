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

	/**
	 * Read the options.
	 * @param args the command-line arguments
	 * @param environment the process environment
	 * @return the options
	 * @throws IllegalArgumentException with what is wrong and the usage line
	 */
	public static ServerOptions parse(String[] args, Map<String, String> environment) {
		Path policies = null;
		int port = 50051;
		String listen = "127.0.0.1";
		Path data = Path.of(".sondera");
		Path tokenFile = null;
		Path cert = null;
		Path key = null;
		List<String> rest = new ArrayList<>(Arrays.asList(args));
		while (!rest.isEmpty()) {
			String option = rest.remove(0);
			if (rest.isEmpty()) {
				throw new IllegalArgumentException("Option " + option + " needs a value. " + USAGE);
			}
			String value = rest.remove(0);
			switch (option) {
				case "--policies" -> policies = Path.of(value);
				case "--grpc-port" -> port = port(value);
				case "--listen" -> listen = value;
				case "--data" -> data = Path.of(value);
				case "--token-file" -> tokenFile = Path.of(value);
				case "--tls-cert" -> cert = Path.of(value);
				case "--tls-key" -> key = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + option + ". " + USAGE);
			}
		}
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
		try {
			int port = Integer.parseInt(value);
			if (port < 0 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--grpc-port must be a port number (0-65535), but was '" + value + "'");
		}
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
