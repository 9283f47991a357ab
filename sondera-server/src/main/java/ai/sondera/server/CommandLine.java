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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options and arguments of one command line ({@code sondera-server.jar}, a
 * {@code sondera} command). Options take a value unless
 * they are flags; everything after {@code --} (or, for a command that runs a program,
 * from its first argument on) is kept as given.
 *
 * @author Sondera
 */
public final class CommandLine {

	private final Map<String, String> options;

	private final List<String> arguments;

	private CommandLine(Map<String, String> options, List<String> arguments) {
		this.options = options;
		this.arguments = arguments;
	}

	/**
	 * Parse arguments.
	 * @param args the arguments after the command's name
	 * @param valued the options that take a value
	 * @param flags the options that do not
	 * @param stopAtArgument whether the first argument ends the options (a program to run)
	 * @return the parsed command line
	 */
	public static CommandLine parse(List<String> args, Set<String> valued, Set<String> flags,
			boolean stopAtArgument) {
		Map<String, String> options = new LinkedHashMap<>();
		List<String> arguments = new ArrayList<>();
		int i = 0;
		while (i < args.size()) {
			String arg = args.get(i);
			if (arg.equals("--")) {
				arguments.addAll(args.subList(i + 1, args.size()));
				break;
			}
			if (!arg.startsWith("--")) {
				if (stopAtArgument) {
					arguments.addAll(args.subList(i, args.size()));
					break;
				}
				arguments.add(arg);
			}
			else if (flags.contains(arg)) {
				options.put(arg, "true");
			}
			else if (valued.contains(arg)) {
				if (i + 1 >= args.size()) {
					throw new IllegalArgumentException(arg + " needs a value");
				}
				options.put(arg, args.get(++i));
			}
			else {
				throw new IllegalArgumentException("Unknown option '" + arg + "'");
			}
			i++;
		}
		return new CommandLine(options, List.copyOf(arguments));
	}

	/**
	 * Return an option's value.
	 * @param name the option, for example {@code --data}
	 * @return the value, or {@code null} if it was not given
	 */
	public String option(String name) {
		return this.options.get(name);
	}

	/**
	 * Return whether an option was given.
	 * @param name the option
	 * @return whether it was given
	 */
	public boolean has(String name) {
		return this.options.containsKey(name);
	}

	/**
	 * Return the arguments that are not options.
	 * @return the arguments
	 */
	public List<String> arguments() {
		return this.arguments;
	}

	/**
	 * Return the one argument that is not an option.
	 * @param what what the argument is, for the error
	 * @return the argument
	 * @throws IllegalArgumentException unless there is exactly one
	 */
	public String argument(String what) {
		if (this.arguments.size() != 1) {
			throw new IllegalArgumentException("Give one " + what);
		}
		return this.arguments.get(0);
	}

	/**
	 * Read a port number.
	 * @param value the text
	 * @return the port, or {@code -1} if the text is not a number from 0 to 65535
	 */
	public static int port(String value) {
		try {
			int port = Integer.parseInt(value);
			return (port >= 0 && port <= 65535) ? port : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
