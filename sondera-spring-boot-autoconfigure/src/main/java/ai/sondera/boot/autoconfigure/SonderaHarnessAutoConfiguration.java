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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

import ai.sondera.harness.AdjudicationListener;
import ai.sondera.harness.Harness;
import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.FileTrajectoryStore;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.harness.store.TrajectoryStore;
import ai.sondera.spring.ai.observation.AdjudicationObservationConvention;
import ai.sondera.spring.ai.observation.DecisionCounter;
import ai.sondera.spring.ai.observation.ObservationAdjudicationListener;
import ai.sondera.spring.ai.policy.PolicyResources;
import ai.sondera.spring.ai.reload.PolicyReloader;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.EnforcementResolver.ToolEnforcement;

/**
 * Auto-configuration of the Cedar policy harness: policies from
 * {@code sondera.cedar.policies}, trajectories in {@code sondera.trajectories}.
 *
 * @author Sondera
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "sondera.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SonderaProperties.class)
public final class SonderaHarnessAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TrajectoryStore sonderaTrajectoryStore(SonderaProperties properties) {
		SonderaProperties.Trajectories trajectories = properties.getTrajectories();
		return switch (trajectories.getStore()) {
			case MEMORY -> new InMemoryTrajectoryStore();
			case FILE -> new FileTrajectoryStore(trajectories.getPath());
			case JDBC -> throw new IllegalStateException("sondera.trajectories.store=jdbc needs"
					+ " ai.sondera:sondera-store-jdbc on the classpath and a DataSource bean (spring.datasource.url);"
					+ " add both, or set sondera.trajectories.store=file");
		};
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(AuditLog.class)
	@ConditionalOnBooleanProperty(name = "sondera.audit.enabled", matchIfMissing = true)
	FileAuditLog sonderaAuditLog(SonderaProperties properties) {
		return new FileAuditLog(properties.getAudit().getPath(), properties.getAudit().getDurability());
	}

	@Bean
	@ConditionalOnMissingBean
	EnforcementResolver sonderaEnforcementResolver(SonderaProperties properties) {
		Map<String, ToolEnforcement> configured = new LinkedHashMap<>();
		properties.getTools()
			.forEach((name, tool) -> configured.put(name, new ToolEnforcement(tool.getMode(),
					(tool.getEnforcement() != null) ? tool.getEnforcement() == SonderaProperties.Enforcement.MONITOR
							: null)));
		return new EnforcementResolver(new Enforcement(properties.getMode(),
				properties.getEnforcement() == SonderaProperties.Enforcement.MONITOR), configured);
	}

	@Bean
	@ConditionalOnMissingBean
	DecisionCounter sonderaDecisionCounter() {
		return new DecisionCounter();
	}

	@Bean
	@ConditionalOnMissingBean(Harness.class)
	CedarPolicyHarness sonderaHarness(SonderaProperties properties, ObjectProvider<TrajectoryStore> store,
			ResourceLoader resourceLoader, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<AdjudicationObservationConvention> observationConvention,
			EnforcementResolver enforcement, DecisionCounter decisionCounter,
			ObjectProvider<AuditLog> auditLog) {
		ResourcePatternResolver resourcePatternResolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		SonderaProperties.Cedar cedar = properties.getCedar();
		return CedarPolicyHarness.builder()
			.policies(PolicyResources.load(cedar.getPolicies(), resourcePatternResolver))
			.store(store.getObject())
			.evaluationErrorMode(cedar.getOnError())
			.shadowPolicies(cedar.getShadowPolicies())
			.failOpen(properties.isFailOpen())
			.auditLog(auditLog.getIfAvailable(() -> AuditLog.NONE))
			.listener(AdjudicationListener.of(decisionCounter,
					new ObservationAdjudicationListener(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
							observationConvention.getIfAvailable(), enforcement)))
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PolicyAdministration.class)
	@ConditionalOnBooleanProperty(name = "sondera.cedar.reload.enabled", matchIfMissing = true)
	PolicyReloader sonderaPolicyReloader(SonderaProperties properties, PolicyAdministration harness,
			ResourceLoader resourceLoader) {
		ResourcePatternResolver resourcePatternResolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		List<String> locations = properties.getCedar().getPolicies();
		// Policies packaged in jars cannot change: only files on disk are polled.
		Duration interval = PolicyResources.anyOnDisk(locations, resourcePatternResolver)
				? properties.getCedar().getReload().getInterval() : Duration.ZERO;
		return new PolicyReloader(harness, () -> PolicyResources.load(locations, resourcePatternResolver), interval);
	}

}
