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
package ai.sondera.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import ai.sondera.harness.Harness;
import ai.sondera.harness.grpc.RemoteHarness;

/**
 * Auto-configuration of a remote harness: decisions by {@code sondera-server} or the
 * Sondera Platform over the Sondera wire, when {@code sondera.remote.enabled=true} or an
 * endpoint is set ({@code sondera.remote.endpoint}, {@code SONDERA_HARNESS_ENDPOINT})
 * and remote is not turned off explicitly. Runs before the local harness, which then
 * backs off.
 *
 * @author Sondera
 */
@AutoConfiguration(before = SonderaHarnessAutoConfiguration.class)
@ConditionalOnClass(RemoteHarness.class)
@ConditionalOnBooleanProperty(name = "sondera.enabled", matchIfMissing = true)
@Conditional(SonderaRemoteHarnessAutoConfiguration.RemoteHarnessCondition.class)
@EnableConfigurationProperties(SonderaProperties.class)
public final class SonderaRemoteHarnessAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(Harness.class)
	RemoteHarness sonderaRemoteHarness(SonderaProperties properties) {
		SonderaProperties.Remote remote = properties.getRemote();
		RemoteHarness harness = RemoteHarness.builder(remote.getEndpoint())
			.token(remote.getApiToken())
			.header(remote.getHeader())
			.secure(remote.isSecure())
			.trustCertificates(remote.getTrustCertificates())
			.timeout(remote.getTimeout())
			.failOpen(properties.isFailOpen())
			.build();
		if (remote.isFailFast()) {
			try {
				harness.check();
			}
			catch (IllegalStateException ex) {
				harness.close();
				throw new IllegalStateException(ex.getMessage() + ". Check sondera.remote.endpoint,"
						+ " sondera.remote.api-token (SONDERA_API_TOKEN) and sondera.remote.secure, or set"
						+ " sondera.remote.fail-fast=false to start anyway (every decision is then denied until"
						+ " the harness answers)", ex);
			}
		}
		return harness;
	}

	/**
	 * Matches when {@code sondera.remote.enabled=true}, or when it is not set and an
	 * endpoint is.
	 */
	static class RemoteHarnessCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Boolean enabled = context.getEnvironment().getProperty("sondera.remote.enabled", Boolean.class);
			if (enabled != null) {
				return new ConditionOutcome(enabled, "sondera.remote.enabled=" + enabled);
			}
			boolean endpoint = context.getEnvironment().containsProperty("sondera.remote.endpoint");
			return new ConditionOutcome(endpoint,
					endpoint ? "sondera.remote.endpoint is set" : "neither sondera.remote.enabled nor an endpoint is set");
		}

	}

}
