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

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.support.ToolDefinitions;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import ai.sondera.spring.ai.EnforcementMode;

/**
 * Finds the tools an application can give its models, so that policies are validated
 * against them at startup: {@link ToolCallback} and {@link ToolCallbackProvider} beans
 * (MCP tools arrive this way), {@code @Tool} methods of beans, {@code @Tool} methods
 * of other classes (tools passed per request as {@code .tools(new X())}), and the tools
 * of {@link ToolDefinitionSource} beans (the tools an MCP server exposes). Also reads
 * {@link ToolPolicy} annotations.
 *
 * @author Sondera
 */
public final class ToolDiscovery {

	private static final Log logger = LogFactory.getLog(ToolDiscovery.class);

	private final Map<String, ToolDefinition> tools = new LinkedHashMap<>();

	private final Map<String, EnforcementMode> modes = new HashMap<>();

	private final Map<String, Set<ToolOrigin>> origins = new HashMap<>();

	/**
	 * Return the tools found, by name.
	 * @return the tool definitions
	 */
	public List<ToolDefinition> tools() {
		return new ArrayList<>(this.tools.values());
	}

	/**
	 * Return the modes set with {@link ToolPolicy}, by tool name.
	 * @return the modes
	 */
	public Map<String, EnforcementMode> modes() {
		return Map.copyOf(this.modes);
	}

	/**
	 * Add the tools of the beans of a bean factory.
	 * @param beanFactory the bean factory
	 * @return this discovery
	 */
	public ToolDiscovery addBeans(ListableBeanFactory beanFactory) {
		beanFactory.getBeansOfType(ToolCallback.class).values().forEach(this::add);
		beanFactory.getBeansOfType(ToolDefinitionSource.class)
			.values()
			.forEach((source) -> source.toolDefinitions()
				.forEach((definition) -> put(definition, ToolOrigin.SERVER)));
		beanFactory.getBeansOfType(ToolCallbackProvider.class).forEach((name, provider) -> {
			try {
				for (ToolCallback tool : provider.getToolCallbacks()) {
					add(tool);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not list the tools of ToolCallbackProvider bean '" + name
						+ "'; they will be put under policy when first called", ex);
			}
		});
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				addClass(ClassUtils.getUserClass(type), ToolOrigin.BEAN_METHOD);
			}
		}
		return this;
	}

	/**
	 * Add the {@code @Tool} methods of the classes in packages (and below), whether or
	 * not they are beans: tools passed per request as {@code .tools(new X())}.
	 * @param basePackages the packages
	 * @return this discovery
	 */
	public ToolDiscovery addPackages(Collection<String> basePackages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
			.hasAnnotatedMethods(Tool.class.getName()));
		for (String basePackage : basePackages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				try {
					addClass(ClassUtils.forName(candidate.getBeanClassName(), null), ToolOrigin.CLASS_METHOD);
				}
				catch (ClassNotFoundException | LinkageError ex) {
					logger.debug("Skipping tool class " + candidate.getBeanClassName() + ": " + ex.getMessage());
				}
			}
		}
		return this;
	}

	/**
	 * Add the {@code @Tool} methods of classes.
	 * @param classes the classes
	 * @return this discovery
	 */
	public ToolDiscovery addClasses(Collection<Class<?>> classes) {
		classes.forEach((type) -> addClass(type, ToolOrigin.CLASS_METHOD));
		return this;
	}

	private void addClass(Class<?> type, ToolOrigin origin) {
		if (type.getName().startsWith("org.springframework.")) {
			return;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (AnnotatedElementUtils.isAnnotated(method, Tool.class)) {
				ToolDefinition definition = ToolDefinitions.from(method);
				put(definition, origin);
				ToolPolicy policy = AnnotatedElementUtils.findMergedAnnotation(method, ToolPolicy.class);
				if (policy != null) {
					this.modes.put(definition.name(), policy.mode());
				}
			}
		}
	}

	private void add(ToolCallback tool) {
		ToolCallback real = (tool instanceof GuardedToolCallback guarded) ? guarded.getDelegate() : tool;
		put(real.getToolDefinition(), ToolOrigin.TOOL_BEAN);
	}

	private void put(ToolDefinition definition, ToolOrigin origin) {
		this.tools.putIfAbsent(definition.name(), definition);
		this.origins.computeIfAbsent(definition.name(), (name) -> EnumSet.noneOf(ToolOrigin.class)).add(origin);
	}

	/**
	 * Return where each tool was found.
	 * @return the origins by tool name
	 */
	public Map<String, Set<ToolOrigin>> origins() {
		return Map.copyOf(this.origins);
	}

	/**
	 * Where a tool was found, which decides on which paths it can be guarded.
	 */
	public enum ToolOrigin {

		/** A {@code ToolCallback} or {@code ToolCallbackProvider} bean. */
		TOOL_BEAN,

		/** A {@code @Tool} method of a Spring bean. */
		BEAN_METHOD,

		/** A {@code @Tool} method of a class that is not a bean (passed as {@code new X()}). */
		CLASS_METHOD,

		/** A {@link ToolDefinitionSource} bean: a tool an MCP server exposes. */
		SERVER

	}

}
