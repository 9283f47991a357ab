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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ai.sondera.approvals.console.AnonymousConsoleAccess;
import ai.sondera.approvals.console.ApprovalChanges;
import ai.sondera.approvals.console.ApprovalConsoleController;
import ai.sondera.approvals.console.ConsoleAccess;
import ai.sondera.approvals.console.SpringSecurityConsoleAccess;
import ai.sondera.harness.store.TrajectoryStore;
import ai.sondera.spring.ai.approval.ApprovalStore;
import ai.sondera.spring.ai.approval.PendingApprovals;

/**
 * Auto-configuration of the approvals console ({@code sondera.approval.console.enabled=true}
 * in a servlet web application with {@code sondera-approvals-console}): the page and its
 * JSON under {@code sondera.approval.console.path}, deciding through the
 * {@link PendingApprovals} that {@link SonderaToolAutoConfiguration} registers for it.
 * With Spring Security, users need
 * {@code sondera.approval.console.authority}; without it, the application does not start
 * unless {@code sondera.approval.console.allow-anonymous=true}.
 *
 * @author Sondera
 */
@AutoConfiguration(after = SonderaToolAutoConfiguration.class)
@ConditionalOnClass({ ApprovalConsoleController.class, WebMvcConfigurer.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("sondera.approval.console.enabled")
@ConditionalOnBooleanProperty(name = "sondera.enabled", matchIfMissing = true)
public final class SonderaApprovalConsoleAutoConfiguration {

	private static final Duration CHANGE_INTERVAL = Duration.ofMillis(250);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ApprovalChanges sonderaApprovalChanges(ApprovalStore store) {
		return new ApprovalChanges(store, CHANGE_INTERVAL);
	}

	@Bean
	@ConditionalOnMissingBean
	ApprovalConsoleController sonderaApprovalConsoleController(PendingApprovals pending, ApprovalStore store,
			ObjectProvider<TrajectoryStore> trajectories, SonderaProperties properties, ConsoleAccess access,
			ApprovalChanges changes) {
		return new ApprovalConsoleController(pending, store, trajectories.getIfAvailable(),
				properties.getApproval().getTimeout(), access, changes,
				properties.getApproval().getConsole().getPath());
	}

	@Bean
	WebMvcConfigurer sonderaApprovalConsolePath(SonderaProperties properties) {
		String path = properties.getApproval().getConsole().getPath();
		return new WebMvcConfigurer() {

			@Override
			public void configurePathMatch(PathMatchConfigurer configurer) {
				configurer.addPathPrefix(path, HandlerTypePredicate.forAssignableType(ApprovalConsoleController.class));
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
	static class SecuredConsoleConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConsoleAccess sonderaConsoleAccess(SonderaProperties properties) {
			return new SpringSecurityConsoleAccess(properties.getApproval().getConsole().getAuthority());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.core.context.SecurityContextHolder")
	static class AnonymousConsoleConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConsoleAccess sonderaConsoleAccess(SonderaProperties properties) {
			SonderaProperties.Approval.Console console = properties.getApproval().getConsole();
			if (!console.isAllowAnonymous()) {
				throw new IllegalStateException("The approvals console (sondera.approval.console.enabled=true) needs"
						+ " Spring Security on the classpath to know who approves; add spring-boot-starter-security"
						+ " and give approvers the authority '" + console.getAuthority() + "', or set"
						+ " sondera.approval.console.allow-anonymous=true for a loopback demo");
			}
			return new AnonymousConsoleAccess();
		}

	}

}
