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

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import ai.sondera.harness.Harness;
import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.approval.ApprovalHandler;
import ai.sondera.spring.ai.approval.ApprovalObservationConvention;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.approval.ApprovalStore;
import ai.sondera.spring.ai.approval.InMemoryApprovalStore;
import ai.sondera.spring.ai.approval.PendingApprovals;
import ai.sondera.spring.ai.mcp.McpCallerResolver;
import ai.sondera.spring.ai.mcp.McpToolGuard;
import ai.sondera.spring.ai.mcp.McpToolGuardPostProcessor;
import ai.sondera.spring.ai.model.ChatModelScreeningPostProcessor;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.GuardedToolCallingManagerPostProcessor;
import ai.sondera.spring.ai.tool.StartupToolValidator;
import ai.sondera.spring.ai.tool.ToolCallGuard;
import ai.sondera.spring.ai.tool.ToolMethodPolicyAspect;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;
import ai.sondera.spring.ai.verdict.VerdictHandler;

/**
 * Auto-configuration that puts every Spring AI tool call under policy: the
 * {@link ToolCallingManager} bean is wrapped, the application's tools are validated
 * against the policies at startup, and escalations go to {@link ApprovalHandler} beans.
 *
 * @author Sondera
 */
@AutoConfiguration(after = SonderaHarnessAutoConfiguration.class)
@ConditionalOnClass(ToolCallingManager.class)
@ConditionalOnBooleanProperty(name = "sondera.enabled", matchIfMissing = true)
public final class SonderaToolAutoConfiguration {

	@Bean
	static GuardedToolCallingManagerPostProcessor sonderaToolCallingManagerPostProcessor(
			ObjectProvider<Harness> harness, ObjectProvider<AgentToolCatalog> catalog,
			ObjectProvider<ToolCallGuard> guard, ObjectProvider<ToolCallbackResolver> resolver,
			Environment environment) {
		return new GuardedToolCallingManagerPostProcessor(harness, catalog, guard, resolver,
				environment.getProperty("spring.ai.tools.resolution.fallback.enabled", Boolean.class, false));
	}

	@Bean
	static ChatModelScreeningPostProcessor sonderaChatModelScreeningPostProcessor(ObjectProvider<Harness> harness,
			ObjectProvider<AgentToolCatalog> catalog, ObjectProvider<ToolCallGuard> guard) {
		return new ChatModelScreeningPostProcessor(harness, catalog, guard);
	}

	@Bean
	@ConditionalOnMissingBean
	AgentToolCatalog sonderaAgentToolCatalog(SonderaProperties properties, Environment environment,
			Harness harness) {
		SonderaProperties.Agent agent = properties.getAgent();
		String id = StringUtils.hasText(agent.getId()) ? agent.getId()
				: environment.getProperty("spring.application.name", "agent");
		Consumer<ai.sondera.harness.Agent> validator = (harness instanceof PolicyAdministration administration)
				? administration::validate : (candidate) -> {
				};
		return new AgentToolCatalog(AgentToolCatalog.applicationAgent(id, agent.getName(), agent.getProviderId(),
				agent.getDescription(), agent.getInstruction(), agent.getTools()), validator);
	}

	@Bean
	@ConditionalOnMissingBean
	ApprovalStore sonderaApprovalStore() {
		return new InMemoryApprovalStore();
	}

	@Bean
	@ConditionalOnMissingBean
	ApprovalService sonderaApprovalService(SonderaProperties properties, ListableBeanFactory beanFactory,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ApprovalObservationConvention> observationConvention, ApprovalStore store) {
		return new ApprovalService(ApprovalService.ordered(beanFactory.getBeansOfType(ApprovalHandler.class)),
				properties.getApproval().getTimeout(), observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				observationConvention.getIfAvailable(), properties.getApproval().getHandlerThreads(), store);
	}

	@Bean
	@ConditionalOnMissingBean
	VerdictResolver sonderaVerdictResolver(ApprovalService approvals) {
		return new VerdictResolver(approvals);
	}

	@Bean
	@ConditionalOnMissingBean
	VerdictHandler sonderaVerdictHandler(SonderaProperties properties) {
		SonderaProperties.Steer steer = properties.getSteer();
		return new DefaultVerdictHandler(steer.getToolMessage(), steer.getModelMessage(), steer.getRetryInstruction(),
				steer.getMaxRetries());
	}

	@Bean
	@ConditionalOnMissingBean
	ToolCallGuard sonderaToolCallGuard(SonderaProperties properties, VerdictResolver verdicts, VerdictHandler handler,
			AgentToolCatalog catalog, EnforcementResolver enforcement) {
		return new ToolCallGuard(verdicts, handler, catalog, enforcement, FailurePolicy.of(properties.isFailOpen()));
	}

	@Bean
	@ConditionalOnMissingBean
	StartupToolValidator sonderaStartupToolValidator(SonderaProperties properties, AgentToolCatalog catalog,
			EnforcementResolver enforcement, ListableBeanFactory beanFactory, Harness harness) {
		List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
				: List.of();
		return new StartupToolValidator(catalog, enforcement, beanFactory, packages,
				(harness instanceof PolicyAdministration administration) ? administration : null,
				properties.getCedar().getStartupValidation() == SonderaProperties.StartupValidation.FAIL);
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(PendingApprovalsCondition.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	PendingApprovals pendingApprovals(ApprovalStore store, ObjectProvider<AuditLog> auditLog) {
		return new PendingApprovals(store, auditLog.getIfAvailable(() -> AuditLog.NONE));
	}

	/**
	 * People decide escalations: by id ({@code sondera.approval.pending.enabled}) or on
	 * the approvals console ({@code sondera.approval.console.enabled}).
	 */
	static final class PendingApprovalsCondition extends AnyNestedCondition {

		PendingApprovalsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty("sondera.approval.pending.enabled")
		static final class PendingEnabled {

		}

		@ConditionalOnBooleanProperty("sondera.approval.console.enabled")
		static final class ConsoleEnabled {

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.aspectj.lang.annotation.Aspect")
	static class ToolMethodAspectConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ToolMethodPolicyAspect sonderaToolMethodPolicyAspect(Harness harness, AgentToolCatalog catalog,
				ToolCallGuard guard) {
			return new ToolMethodPolicyAspect(harness, catalog, guard);
		}

	}

	/**
	 * Puts the tools of a Spring AI MCP server under policy.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.modelcontextprotocol.server.McpServerFeatures")
	static class McpServerToolConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpToolGuard sonderaMcpToolGuard(Harness harness, AgentToolCatalog catalog, ToolCallGuard guard,
				ObjectProvider<McpCallerResolver> callers) {
			return new McpToolGuard(harness, catalog, guard, callers.getIfAvailable(() -> McpCallerResolver.DEFAULT));
		}

		@Bean
		static McpToolGuardPostProcessor sonderaMcpToolGuardPostProcessor(ObjectProvider<McpToolGuard> guard) {
			return new McpToolGuardPostProcessor(guard);
		}

	}

}
