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
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command {@code sondera run} wraps: started with the runtime's URL in
 * {@code SONDERA_RUNTIME_URL} and {@code AUTONOMY_RUNTIME_URL}, sharing this process's
 * standard streams. When this process is asked to stop (SIGTERM, or SIGINT from a
 * terminal) the command gets SIGTERM and up to ten seconds to end before it is killed.
 *
 * @author Sondera
 */
final class ChildProcess {

	private final List<String> command;

	private final String runtimeUrl;

	ChildProcess(List<String> command, String runtimeUrl) {
		this.command = command;
		this.runtimeUrl = runtimeUrl;
	}

	/**
	 * Run the command to its end.
	 * @return its exit code; 128 + the signal number when a signal ended it, as a shell
	 * reports it
	 */
	int runToEnd() {
		ProcessBuilder builder = new ProcessBuilder(this.command).inheritIO();
		builder.environment().put("SONDERA_RUNTIME_URL", this.runtimeUrl);
		builder.environment().put("AUTONOMY_RUNTIME_URL", this.runtimeUrl);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.command.get(0) + ": " + ex.getMessage(), ex);
		}
		Thread forward = new Thread(() -> stop(process), "sondera-run-forward-signal");
		Runtime.getRuntime().addShutdownHook(forward);
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroy();
			return 130;
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(forward);
			}
			catch (IllegalStateException ex) {
				// shutting down: the hook is running
			}
		}
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
