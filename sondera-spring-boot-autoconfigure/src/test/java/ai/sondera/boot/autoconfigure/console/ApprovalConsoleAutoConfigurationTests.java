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

package ai.sondera.boot.autoconfigure.console;

import org.junit.jupiter.api.Test;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.context.SecurityContextHolder;

import ai.sondera.approvals.console.AnonymousConsoleAccess;
import ai.sondera.approvals.console.ApprovalConsoleController;
import ai.sondera.approvals.console.ConsoleAccess;
import ai.sondera.approvals.console.SpringSecurityConsoleAccess;
import ai.sondera.boot.autoconfigure.SonderaApprovalConsoleAutoConfiguration;
import ai.sondera.boot.autoconfigure.SonderaHarnessAutoConfiguration;
import ai.sondera.boot.autoconfigure.SonderaToolAutoConfiguration;
import ai.sondera.spring.ai.approval.PendingApprovals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the approvals console is configured, and with which access rule.
 */
class ApprovalConsoleAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class,
				SonderaHarnessAutoConfiguration.class, SonderaToolAutoConfiguration.class,
				SonderaApprovalConsoleAutoConfiguration.class))
		.withPropertyValues("sondera.cedar.policies=classpath:console-allow/", "sondera.agent.name=Payments",
				"sondera.trajectories.store=memory", "sondera.audit.enabled=false");

	@Test
	void offUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ApprovalConsoleController.class)
			.doesNotHaveBean(PendingApprovals.class));
	}

	@Test
	void withSpringSecurityTheAuthorityDecides() {
		this.runner.withPropertyValues("sondera.approval.console.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ApprovalConsoleController.class)
				.hasSingleBean(PendingApprovals.class)
				.getBean(ConsoleAccess.class)
				.isInstanceOf(SpringSecurityConsoleAccess.class));
	}

	@Test
	void withoutSpringSecurityItDoesNotStartUnlessAnonymousAccessIsExplicit() {
		WebApplicationContextRunner withoutSecurity = this.runner
			.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("sondera.approval.console.enabled=true");
		withoutSecurity.run((context) -> assertThat(context).getFailure()
			.rootCause()
			.hasMessageContaining("needs Spring Security on the classpath")
			.hasMessageContaining("sondera.approval.console.allow-anonymous=true"));
		withoutSecurity.withPropertyValues("sondera.approval.console.allow-anonymous=true")
			.run((context) -> assertThat(context).getBean(ConsoleAccess.class)
				.isInstanceOf(AnonymousConsoleAccess.class));
	}

}
