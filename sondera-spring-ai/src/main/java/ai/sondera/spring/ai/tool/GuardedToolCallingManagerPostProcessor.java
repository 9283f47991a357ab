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

import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import ai.sondera.harness.Harness;

/**
 * Wraps every {@link ToolCallingManager} bean in a {@link GuardedToolCallingManager}, so
 * that every tool call made through it (by the auto-configured {@code ChatClient} and by
 * chat models that execute tools themselves) is adjudicated.
 *
 * @author Sondera
 */
public class GuardedToolCallingManagerPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<Harness> harness;

	private final ObjectProvider<AgentToolCatalog> catalog;

	private final ObjectProvider<ToolCallGuard> guard;

	private final ObjectProvider<ToolCallbackResolver> resolver;

	private final boolean resolveByName;

	/**
	 * Create the post-processor; its collaborators are looked up when the first manager
	 * is wrapped.
	 * @param harness the harness
	 * @param catalog the agent's tools
	 * @param guard the checkpoint
	 * @param resolver resolves tools by name, if there is one
	 * @param resolveByName whether the manager resolves a tool the request does not carry
	 * by name (Spring AI's {@code spring.ai.tools.resolution.fallback.enabled}); only then
	 * are such tools looked up, so that guarding never makes more tools callable
	 */
	public GuardedToolCallingManagerPostProcessor(ObjectProvider<Harness> harness,
			ObjectProvider<AgentToolCatalog> catalog, ObjectProvider<ToolCallGuard> guard,
			ObjectProvider<ToolCallbackResolver> resolver, boolean resolveByName) {
		this.harness = harness;
		this.catalog = catalog;
		this.guard = guard;
		this.resolver = resolver;
		this.resolveByName = resolveByName;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ToolCallingManager manager && !(bean instanceof GuardedToolCallingManager)) {
			return new GuardedToolCallingManager(manager, this.harness.getObject(), this.catalog.getObject(),
					this.guard.getObject(), (name) -> {
						ToolCallbackResolver available = this.resolveByName ? this.resolver.getIfAvailable() : null;
						return (available != null) ? available.resolve(name) : null;
					});
		}
		return bean;
	}

}
