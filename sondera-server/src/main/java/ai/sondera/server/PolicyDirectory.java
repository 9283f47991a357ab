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

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.policy.PolicySource;

/**
 * Watches a policy directory (the gRPC server's, a tool runtime's): when its files change,
 * the new set is validated and swapped in; an invalid or missing set is logged once and
 * the last good set keeps serving.
 *
 * @author Sondera
 */
public final class PolicyDirectory {

	private static final Logger logger = LoggerFactory.getLogger(PolicyDirectory.class);

	private final Path location;

	private final ToLongFunction<List<PolicySource>> reload;

	private List<PolicySource> lastSeen;

	private String lastError;

	/**
	 * Create a watcher.
	 * @param location the directory (or file)
	 * @param reload swaps a new set in and returns its version; throws if the set cannot
	 * be used
	 * @param loaded the set loaded now
	 */
	public PolicyDirectory(Path location, ToLongFunction<List<PolicySource>> reload, List<PolicySource> loaded) {
		this.location = location;
		this.reload = reload;
		this.lastSeen = loaded;
	}

	/**
	 * Look at the directory and swap a changed set in.
	 */
	public synchronized void check() {
		try {
			List<PolicySource> current = PolicySource.fromPath(this.location);
			if (current.equals(this.lastSeen)) {
				return;
			}
			this.lastSeen = current;
			long version = this.reload.applyAsLong(current);
			this.lastError = null;
			logger.info("Reloaded Cedar policies from {}: version {}", this.location, version);
		}
		catch (RuntimeException ex) {
			if (!String.valueOf(ex.getMessage()).equals(this.lastError)) {
				logger.error("Cedar policies at {} changed but cannot be used; the loaded ones keep serving: {}",
						this.location, ex.getMessage());
			}
			this.lastError = String.valueOf(ex.getMessage());
		}
	}

}
