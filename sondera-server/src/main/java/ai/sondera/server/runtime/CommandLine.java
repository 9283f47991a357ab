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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options and arguments of one {@code sondera} command. Options take a value unless
 * they are flags; everything after {@code --} (or, for a command that runs a program,
 * from its first argument on) is kept as given.
 *
 * @author Sondera
 */
final class CommandLine {

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
	static CommandLine parse(List<String> args, Set<String> valued, Set<String> flags, boolean stopAtArgument) {
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

	String option(String name) {
		return this.options.get(name);
	}

	boolean has(String name) {
		return this.options.containsKey(name);
	}

	List<String> arguments() {
		return this.arguments;
	}

	String argument(String what) {
		if (this.arguments.size() != 1) {
			throw new IllegalArgumentException("Give one " + what);
		}
		return this.arguments.get(0);
	}

}
