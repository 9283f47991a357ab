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

import java.nio.file.Path;
import java.util.Set;

/**
 * How to start a {@link ToolRuntime}.
 *
 * @param host the address to listen on, for example {@code 127.0.0.1}
 * @param port the port, {@code 0} for a free one
 * @param policy the policies
 * @param allowedHosts the hosts {@code tool.http_get} may reach; empty refuses every call
 * @param data the directory for trajectories and the audit log
 * @author Sondera
 */
public record RuntimeOptions(String host, int port, RuntimePolicy policy, Set<String> allowedHosts, Path data) {

	public RuntimeOptions {
		allowedHosts = Set.copyOf(allowedHosts);
	}

}
