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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.policy.PolicySource;

/**
 * Watches the server's policy directory: when its files change, the new set is
 * validated and swapped in; an invalid or missing set is logged once and the last good
 * set keeps serving.
 *
 * @author Sondera
 */
final class PolicyDirectory {

	private static final Logger logger = LoggerFactory.getLogger(PolicyDirectory.class);

	private final Path location;

	private final PolicyAdministration harness;

	private List<PolicySource> lastSeen;

	private String lastError;

	PolicyDirectory(Path location, PolicyAdministration harness, List<PolicySource> loaded) {
		this.location = location;
		this.harness = harness;
		this.lastSeen = loaded;
	}

	synchronized void check() {
		try {
			List<PolicySource> current = PolicySource.fromPath(this.location);
			if (current.equals(this.lastSeen)) {
				return;
			}
			this.lastSeen = current;
			long version = this.harness.reload(current);
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
