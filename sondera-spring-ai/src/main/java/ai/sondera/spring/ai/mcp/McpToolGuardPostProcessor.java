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
package ai.sondera.spring.ai.mcp;

import java.util.List;

import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts the tools of a Spring AI MCP server under policy: every
 * {@link SyncToolSpecification} and {@link AsyncToolSpecification} bean, and every list
 * of them (Spring AI builds the server from such beans, converted from tool callbacks,
 * tool callback providers and {@code @McpTool} methods), is replaced by a guarded one
 * before the server is built; and the {@link McpSyncServer} / {@link McpAsyncServer} beans
 * guard the tools added to them at run time ({@code addTool}).
 *
 * @author Sondera
 */
public class McpToolGuardPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<McpToolGuard> guard;

	/**
	 * Create a post-processor.
	 * @param guard the guard, looked up when the first specification is seen
	 */
	public McpToolGuardPostProcessor(ObjectProvider<McpToolGuard> guard) {
		this.guard = guard;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof McpSyncServer || bean instanceof McpAsyncServer) {
			return guardAddedTools(bean);
		}
		if (bean instanceof SyncToolSpecification specification) {
			return this.guard.getObject().guard(specification);
		}
		if (bean instanceof AsyncToolSpecification specification) {
			return this.guard.getObject().guard(specification);
		}
		if (bean instanceof List<?> list && !list.isEmpty() && isSpecifications(list)) {
			return list.stream().map(this::guard).toList();
		}
		return bean;
	}

	private Object guardAddedTools(Object server) {
		ProxyFactory factory = new ProxyFactory(server);
		factory.setProxyTargetClass(true);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			Object[] arguments = invocation.getArguments();
			if ("addTool".equals(invocation.getMethod().getName()) && arguments.length == 1
					&& arguments[0] != null) {
				arguments[0] = guard(arguments[0]);
			}
			return invocation.proceed();
		});
		return factory.getProxy(server.getClass().getClassLoader());
	}

	private static boolean isSpecifications(List<?> list) {
		return list.stream().allMatch((item) -> item instanceof SyncToolSpecification)
				|| list.stream().allMatch((item) -> item instanceof AsyncToolSpecification);
	}

	private Object guard(Object specification) {
		McpToolGuard guard = this.guard.getObject();
		return (specification instanceof SyncToolSpecification sync) ? guard.guard(sync)
				: guard.guard((AsyncToolSpecification) specification);
	}

}
