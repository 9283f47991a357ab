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

import ai.sondera.server.runtime.SonderaCommand;

/**
 * The entry point of {@code sondera-server.jar}: the gRPC server when the first argument
 * is an option ({@code --policies ...}), the {@code sondera} command line when it is a
 * command ({@code run}, {@code runtime}, {@code policy}, {@code audit}, {@code help}).
 * The command line logs warnings and errors only, unless
 * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} says otherwise.
 *
 * @author Sondera
 */
public final class SonderaMain {

	private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

	private SonderaMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length > 0 && !args[0].startsWith("--")) {
			if (System.getProperty(LOG_LEVEL) == null) {
				System.setProperty(LOG_LEVEL, "warn");
			}
			SonderaCommand.main(args);
		}
		else {
			SonderaServer.main(args);
		}
	}

}
