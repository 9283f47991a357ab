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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.sondera.boot.autoconfigure.actuate.SonderaEndpoint;
import ai.sondera.boot.autoconfigure.actuate.SonderaHealthIndicator;
import ai.sondera.harness.PolicyAdministration;
import ai.sondera.spring.ai.approval.PendingApprovals;
import ai.sondera.spring.ai.observation.DecisionCounter;
import ai.sondera.spring.ai.reload.PolicyReloader;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.StartupToolValidator;

/**
 * Auto-configuration of the {@code sondera} actuator endpoint and health indicator.
 *
 * @author Sondera
 */
@AutoConfiguration(after = SonderaToolAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean({ PolicyAdministration.class, AgentToolCatalog.class })
public final class SonderaActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	SonderaEndpoint sonderaEndpoint(PolicyAdministration harness, AgentToolCatalog catalog, DecisionCounter decisions,
			ObjectProvider<PendingApprovals> pending, ObjectProvider<PolicyReloader> reloader,
			ObjectProvider<StartupToolValidator> validator) {
		return new SonderaEndpoint(harness, catalog, decisions, pending.getIfAvailable(), reloader.getIfAvailable(),
				() -> validator.stream().flatMap((found) -> found.reports().stream()).toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "sonderaHealthIndicator")
		@ConditionalOnEnabledHealthIndicator("sondera")
		SonderaHealthIndicator sonderaHealthIndicator(PolicyAdministration harness,
				ObjectProvider<PolicyReloader> reloader) {
			return new SonderaHealthIndicator(harness, reloader.getIfAvailable());
		}

	}

}
