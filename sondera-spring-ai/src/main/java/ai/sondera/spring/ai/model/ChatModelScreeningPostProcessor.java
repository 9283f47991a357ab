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

package ai.sondera.spring.ai.model;

import java.lang.reflect.Modifier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import ai.sondera.harness.Harness;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.ToolCallGuard;

/**
 * Proxies every {@link ChatModel} bean with a {@link ToolCallScreeningInterceptor}, so
 * that chat clients built directly on the model ({@code ChatClient.create(chatModel)})
 * are guarded too. The proxy subclasses the model's class, so injection by the concrete
 * type keeps working.
 *
 * @author Sondera
 */
public class ChatModelScreeningPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(ChatModelScreeningPostProcessor.class);

	private final ObjectProvider<Harness> harness;

	private final ObjectProvider<AgentToolCatalog> catalog;

	private final ObjectProvider<ToolCallGuard> guard;

	/**
	 * Create the post-processor; its collaborators are looked up when the first model
	 * is proxied.
	 * @param harness the harness
	 * @param catalog the agent's tools
	 * @param guard the checkpoint
	 */
	public ChatModelScreeningPostProcessor(ObjectProvider<Harness> harness, ObjectProvider<AgentToolCatalog> catalog,
			ObjectProvider<ToolCallGuard> guard) {
		this.harness = harness;
		this.catalog = catalog;
		this.guard = guard;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof ChatModel model) || AopUtils.isAopProxy(bean)) {
			return bean;
		}
		ProxyFactory factory = new ProxyFactory(model);
		boolean subclass = !Modifier.isFinal(model.getClass().getModifiers());
		factory.setProxyTargetClass(subclass);
		if (!subclass) {
			factory.addInterface(ChatModel.class);
			logger.info("ChatModel bean '" + beanName + "' is of a final class; it is proxied by its interface");
		}
		factory.addAdvice(new ToolCallScreeningInterceptor(model, this.harness.getObject(), this.catalog.getObject(),
				this.guard.getObject()));
		return factory.getProxy(model.getClass().getClassLoader());
	}

}
