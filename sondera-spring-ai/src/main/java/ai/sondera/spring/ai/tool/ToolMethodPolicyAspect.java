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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.support.ToolUtils;
import org.springframework.core.Ordered;

import ai.sondera.harness.Harness;
import ai.sondera.harness.json.ModelJson;
import ai.sondera.spring.ai.GuardedExecution;

/**
 * Guards direct calls of {@code @Tool} methods on Spring beans, the second layer behind
 * {@link GuardedToolCallingManager}: application code that calls a tool method itself
 * meets the same policies. A call that came through a guarded tool callback is not
 * adjudicated again. Runs after method security (lowest precedence), so an unauthorized
 * caller is stopped before policies are asked.
 *
 * @author Sondera
 */
@Aspect
public class ToolMethodPolicyAspect implements Ordered {

	private final Harness harness;

	private final AgentToolCatalog catalog;

	private final ToolCallGuard guard;

	/**
	 * Create the aspect.
	 * @param harness the harness
	 * @param catalog the agent's tools
	 * @param guard the checkpoint
	 */
	public ToolMethodPolicyAspect(Harness harness, AgentToolCatalog catalog, ToolCallGuard guard) {
		this.harness = Objects.requireNonNull(harness, "'harness' must not be null");
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.guard = Objects.requireNonNull(guard, "'guard' must not be null");
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Adjudicate a direct call of a {@code @Tool} method.
	 * @param call the call
	 * @return what the method returned
	 * @throws Throwable what the method threw, or
	 * {@link ai.sondera.harness.PolicyViolationException} if denied
	 */
	@Around("@annotation(org.springframework.ai.tool.annotation.Tool) && execution(* *(..))")
	public Object guardDirectCall(ProceedingJoinPoint call) throws Throwable {
		if (ToolCallGuard.isGuardedCallInProgress()) {
			return call.proceed();
		}
		MethodSignature signature = (MethodSignature) call.getSignature();
		Method method = signature.getMethod();
		if (!method.isAnnotationPresent(Tool.class)) {
			return call.proceed();
		}
		Map<String, Object> arguments = arguments(signature.getParameterNames(), method.getParameterTypes(),
				call.getArgs());
		return GuardedExecution.run(this.harness, null, this.catalog::agent,
				(trajectory) -> this.guard.invoke(ToolUtils.getToolName(method), arguments, trajectory, call::proceed));
	}

	private static Map<String, Object> arguments(String[] names, Class<?>[] types, Object[] values) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			if (!ToolContext.class.isAssignableFrom(types[i])) {
				String name = (names != null && i < names.length) ? names[i] : "arg" + i;
				arguments.put(name, ModelJson.toJsonValue(values[i]));
			}
		}
		return arguments;
	}

}
