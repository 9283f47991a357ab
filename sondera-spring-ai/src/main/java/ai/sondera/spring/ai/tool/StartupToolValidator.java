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
package ai.sondera.spring.ai.tool;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;

import ai.sondera.harness.PolicyAdministration;
import ai.sondera.spring.ai.verdict.EnforcementResolver;

/**
 * Once every bean exists, finds the application's tools (tool beans, {@code @Tool}
 * methods of beans, classes with {@code @Tool} methods in the application's packages),
 * registers them with the {@link AgentToolCatalog} and so validates the policies against
 * them: a policy that names a missing tool or can never match stops the application, or
 * is logged when {@code failOnInvalid} is off.
 *
 * @author Sondera
 */
public class StartupToolValidator implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(StartupToolValidator.class);

	private final AgentToolCatalog catalog;

	private final EnforcementResolver enforcement;

	private final ListableBeanFactory beanFactory;

	private final List<String> basePackages;

	private final PolicyAdministration administration;

	private final boolean failOnInvalid;

	private volatile List<ToolGuardReport> reports = List.of();

	/**
	 * Create a validator.
	 * @param catalog the agent's tools
	 * @param enforcement receives the modes set with {@link ToolPolicy}
	 * @param beanFactory where tool beans are found
	 * @param basePackages the application's packages, scanned for classes with
	 * {@code @Tool} methods (tools passed per request)
	 * @param administration describes the policies in the debug log, or {@code null}
	 * @param failOnInvalid whether invalid policies stop the application (otherwise they
	 * are logged)
	 */
	public StartupToolValidator(AgentToolCatalog catalog, EnforcementResolver enforcement, ListableBeanFactory beanFactory,
			List<String> basePackages, @Nullable PolicyAdministration administration, boolean failOnInvalid) {
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.enforcement = Objects.requireNonNull(enforcement, "'enforcement' must not be null");
		this.beanFactory = Objects.requireNonNull(beanFactory, "'beanFactory' must not be null");
		this.basePackages = List.copyOf(basePackages);
		this.administration = administration;
		this.failOnInvalid = failOnInvalid;
	}

	/**
	 * Return, for each tool found at startup, where it is guarded and where not.
	 * @return the reports, by tool name
	 */
	public List<ToolGuardReport> reports() {
		return this.reports;
	}

	private boolean aspectActive() {
		return ClassUtils.isPresent("org.aspectj.lang.annotation.Aspect", getClass().getClassLoader())
				&& this.beanFactory.getBeanNamesForType(ToolMethodPolicyAspect.class, false, false).length > 0;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ToolDiscovery discovery = new ToolDiscovery().addBeans(this.beanFactory).addPackages(this.basePackages);
		this.enforcement.addAnnotated(discovery.modes());
		List<ToolDefinition> tools = discovery.tools();
		List<String> names = tools.stream().map(ToolDefinition::name).toList();
		try {
			this.catalog.register(tools);
			boolean aspect = aspectActive();
			this.reports = discovery.origins()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map((entry) -> ToolGuardReport.of(entry.getKey(), entry.getValue(), aspect))
				.toList();
			logger.info("Sondera policies guard agent '" + this.catalog.agent().name() + "' with tools " + names);
			this.reports.forEach((report) -> logger.info("  " + report));
			if (this.administration == null) {
				logger.warn("The Harness bean offers no PolicyAdministration: its policies are not validated against"
						+ " the tools at startup");
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Generated Cedar schema: " + this.administration.schema(this.catalog.agent()).toPrettyString());
				this.administration.policies(this.catalog.agent())
					.forEach((policy) -> logger.debug("Policy '" + policy.id() + "' (" + policy.origin() + ":"
							+ policy.line() + ") applies to " + policy.appliesTo()));
			}
		}
		catch (RuntimeException ex) {
			String message = ex.getMessage() + System.lineSeparator() + "Tools found at startup: " + names
					+ ". Declare a tool that only appears at request time with sondera.agent.tools, or set"
					+ " sondera.cedar.startup-validation=warn to log this instead of stopping.";
			if (!this.failOnInvalid) {
				logger.error(message);
				return;
			}
			throw new IllegalStateException(message, ex);
		}
	}

}
