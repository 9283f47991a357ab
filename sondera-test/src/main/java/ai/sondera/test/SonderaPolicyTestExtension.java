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

package ai.sondera.test;

import java.lang.reflect.Field;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Runs a {@link SonderaPolicyTest} class: builds its {@link PolicyTester}, injects it,
 * and reports (or enforces) coverage after the class.
 *
 * @author Sondera
 */
public class SonderaPolicyTestExtension
		implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SonderaPolicyTestExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		tester(context);
	}

	@Override
	public void postProcessTestInstance(Object instance, ExtensionContext context) {
		ReflectionUtils.doWithFields(instance.getClass(), (field) -> inject(field, instance, context),
				(field) -> field.getType() == PolicyTester.class);
	}

	private void inject(Field field, Object instance, ExtensionContext context) {
		ReflectionUtils.makeAccessible(field);
		ReflectionUtils.setField(field, instance, tester(context));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == PolicyTester.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return tester(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		PolicyTester tester = context.getStore(NAMESPACE).get(context.getRequiredTestClass(), PolicyTester.class);
		if (tester == null) {
			return;
		}
		Set<String> uncovered = tester.uncoveredPolicies();
		String report = uncovered.isEmpty() ? "every policy decided in at least one test"
				: "policies no test made decide: " + uncovered;
		context.publishReportEntry("sondera.policy-coverage", report);
		System.out.println(context.getRequiredTestClass().getSimpleName() + ": " + report);
		if (settings(context).requireFullCoverage() && !uncovered.isEmpty()) {
			throw new AssertionError(context.getRequiredTestClass().getSimpleName() + " requires every policy to be"
					+ " covered, but no test made these decide: " + uncovered);
		}
	}

	private PolicyTester tester(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		ExtensionContext classContext = classContext(context);
		return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, (key) -> build(settings(context)),
				PolicyTester.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	private static SonderaPolicyTest settings(ExtensionContext context) {
		SonderaPolicyTest settings = AnnotatedElementUtils.findMergedAnnotation(context.getRequiredTestClass(),
				SonderaPolicyTest.class);
		if (settings == null) {
			throw new IllegalStateException(context.getRequiredTestClass().getName() + " is not a @SonderaPolicyTest");
		}
		return settings;
	}

	private static PolicyTester build(SonderaPolicyTest settings) {
		PolicyTester.Builder builder = PolicyTester.builder()
			.policies(settings.policies())
			.tools(settings.tools())
			.requestTimeTools(settings.requestTimeTools())
			.agentId(settings.agentId());
		if (StringUtils.hasText(settings.agent())) {
			builder.agent(settings.agent());
		}
		return builder.build();
	}

}
