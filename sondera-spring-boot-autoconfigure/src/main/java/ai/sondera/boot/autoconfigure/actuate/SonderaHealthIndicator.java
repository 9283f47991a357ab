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

package ai.sondera.boot.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import ai.sondera.harness.PolicyAdministration;
import ai.sondera.spring.ai.reload.PolicyReloader;

/**
 * UP while a policy set is loaded, with its version; when the policy files changed but
 * could not be loaded, still UP (the last known good set serves) with the error in the
 * details.
 *
 * @author Sondera
 */
public class SonderaHealthIndicator implements HealthIndicator {

	private final PolicyAdministration harness;

	private final PolicyReloader reloader;

	/**
	 * Create the indicator.
	 * @param harness the harness
	 * @param reloader the policy reloader, or {@code null}
	 */
	public SonderaHealthIndicator(PolicyAdministration harness, @Nullable PolicyReloader reloader) {
		this.harness = harness;
		this.reloader = reloader;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up()
			.withDetail("policyVersion", this.harness.policyVersion())
			.withDetail("policies", this.harness.loadedPolicies().size())
			.withDetail("loadedAt", this.harness.policiesLoadedAt().toString());
		if (this.reloader != null && this.reloader.status().lastError() != null) {
			health.withDetail("reload", "failed; serving the last known good policy set")
				.withDetail("reloadError", this.reloader.status().lastError());
		}
		return health.build();
	}

}
