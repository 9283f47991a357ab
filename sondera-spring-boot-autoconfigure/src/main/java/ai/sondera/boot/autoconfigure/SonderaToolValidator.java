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

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import ai.sondera.harness.Harness;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.ToolDiscovery;
import ai.sondera.spring.ai.tool.ToolEnforcementModes;

/**
 * Once every bean exists, finds the application's tools (tool beans, {@code @Tool}
 * methods of beans, classes with {@code @Tool} methods in the application's packages) and
 * validates the policies against them, so that a policy that names a missing tool or can
 * never match stops the application.
 *
 * @author Sondera
 */
class SonderaToolValidator implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(SonderaToolValidator.class);

	private final SonderaProperties properties;

	private final AgentToolCatalog catalog;

	private final ToolEnforcementModes modes;

	private final ListableBeanFactory beanFactory;

	private final Harness harness;

	SonderaToolValidator(SonderaProperties properties, AgentToolCatalog catalog, ToolEnforcementModes modes,
			ListableBeanFactory beanFactory, Harness harness) {
		this.properties = properties;
		this.catalog = catalog;
		this.modes = modes;
		this.beanFactory = beanFactory;
		this.harness = harness;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ToolDiscovery discovery = new ToolDiscovery().addBeans(this.beanFactory)
			.addClasses(applicationToolClasses(this.beanFactory));
		this.modes.addAnnotated(discovery.modes());
		List<ToolDefinition> tools = discovery.tools();
		List<String> names = tools.stream().map(ToolDefinition::name).toList();
		try {
			this.catalog.register(tools);
			logger.info("Sondera policies guard agent '" + this.catalog.agent().name() + "' with tools " + names);
			if (logger.isDebugEnabled() && this.harness instanceof CedarPolicyHarness cedar) {
				logger.debug("Generated Cedar schema: " + cedar.schema(this.catalog.agent()).toPrettyString());
				cedar.policies(this.catalog.agent())
					.forEach((policy) -> logger.debug("Policy '" + policy.id() + "' (" + policy.origin() + ":"
							+ policy.line() + ") applies to " + policy.appliesTo()));
			}
		}
		catch (RuntimeException ex) {
			String message = ex.getMessage() + System.lineSeparator() + "Tools found at startup: " + names
					+ ". Declare a tool that only appears at request time with sondera.agent.tools, or set"
					+ " sondera.cedar.startup-validation=warn to log this instead of stopping.";
			if (this.properties.getCedar().getStartupValidation() == SonderaProperties.StartupValidation.WARN) {
				logger.error(message);
				return;
			}
			throw new IllegalStateException(message, ex);
		}
	}

	private static List<Class<?>> applicationToolClasses(BeanFactory beanFactory) {
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return List.of();
		}
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
			.hasAnnotatedMethods(Tool.class.getName()));
		List<Class<?>> classes = new ArrayList<>();
		for (String basePackage : AutoConfigurationPackages.get(beanFactory)) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				try {
					classes.add(ClassUtils.forName(candidate.getBeanClassName(), null));
				}
				catch (ClassNotFoundException | LinkageError ex) {
					logger.debug("Skipping tool class " + candidate.getBeanClassName() + ": " + ex.getMessage());
				}
			}
		}
		return classes;
	}

}
