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

import org.junit.jupiter.api.Test;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.sondera.harness.Harness;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.store.FileTrajectoryStore;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.harness.store.TrajectoryStore;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.GuardedToolCallingManager;
import ai.sondera.spring.ai.tool.ToolCallGuard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configurations on their own: what they create, what turns them off, what
 * users can replace, and how misconfiguration stops startup.
 */
class SonderaAutoConfigurationTests {

	private final ApplicationContextRunner runner = BankApplication.runner()
		.withPropertyValues("sondera.trajectories.store=file", "sondera.trajectories.path=target/test-trajectories");

	@Test
	void createsTheHarnessAndWrapsTheToolCallingManager() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CedarPolicyHarness.class)
				.hasSingleBean(ToolCallGuard.class)
				.hasSingleBean(FileTrajectoryStore.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GuardedToolCallingManager.class);
			assertThat(context.getBean(AgentToolCatalog.class).agent().tools()).extracting("name")
				.contains("transfer", "statement", "run", "audit", "weather", "lookup");
		});
	}

	@Test
	void agentIdDefaultsToTheApplicationName() {
		this.runner.withPropertyValues("spring.application.name=payments").run((context) -> {
			assertThat(context.getBean(AgentToolCatalog.class).agent().id()).isEqualTo("payments");
			assertThat(context.getBean(AgentToolCatalog.class).agent().name()).isEqualTo("Bank");
		});
	}

	@Test
	void nameDerivedFromTheApplicationNameIsAValidNamespace() {
		BankApplication.runner()
			.withPropertyValues("spring.application.name=com.example.2nd-agent", "sondera.agent.name=",
					"sondera.cedar.policies=classpath:policies-harness-only/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AgentToolCatalog.class).agent().namespace()).isEqualTo("com_example_2nd_agent");
			});
	}

	@Test
	void disabledCreatesNothing() {
		this.runner.withPropertyValues("sondera.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(Harness.class).doesNotHaveBean(ToolCallGuard.class);
			assertThat(context.getBean(ToolCallingManager.class)).isNotInstanceOf(GuardedToolCallingManager.class);
		});
	}

	@Test
	void userBeansWin() {
		this.runner.withUserConfiguration(UserStore.class).run((context) -> {
			assertThat(context).hasSingleBean(TrajectoryStore.class);
			assertThat(context.getBean(TrajectoryStore.class)).isSameAs(context.getBean("myStore"));
		});
		this.runner.withPropertyValues("sondera.trajectories.store=memory")
			.run((context) -> assertThat(context).hasSingleBean(InMemoryTrajectoryStore.class));
	}

	@Test
	void withoutSpringAiToolCallingOnlyTheHarnessIsConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SonderaHarnessAutoConfiguration.class, SonderaToolAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ToolCallingManager.class))
			.withPropertyValues("sondera.cedar.policies=classpath:policies-harness-only/")
			.run((context) -> assertThat(context).hasSingleBean(CedarPolicyHarness.class)
				.doesNotHaveBean(ToolCallGuard.class));
	}

	@Test
	void noPoliciesStopsStartupWithWhereToPutThem() {
		this.runner.withPropertyValues("sondera.cedar.policies=classpath:nothing-here/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("No Cedar policies found at [classpath:nothing-here/]")
				.hasMessageContaining("sondera.cedar.policies");
		});
	}

	@Test
	void invalidPolicyStopsStartupWithIdFileAndLine() {
		this.runner.withPropertyValues("sondera.cedar.policies=classpath:it-invalid/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(PolicyLoadException.class)
				.hasMessageContaining("policy 'escalating-permit' at classpath:it-invalid/bad.cedar:1");
		});
	}

	@Test
	void policyNamingAnUnknownToolStopsStartupWithTheKnownTools() {
		this.runner.withPropertyValues("sondera.cedar.policies=classpath:it-unknown/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("policy 'block-teleport' at classpath:it-unknown/typo.cedar:4")
				.hasMessageContaining("Bank::Action::\"teleport\"");
			assertThat(context.getStartupFailure()).hasMessageContaining("Tools found at startup")
				.hasMessageContaining("sondera.agent.tools")
				.hasMessageContaining("sondera.cedar.startup-validation=warn");
		});
		this.runner
			.withPropertyValues("sondera.cedar.policies=classpath:it-unknown/",
					"sondera.cedar.startup-validation=warn")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("sondera.cedar.policies=classpath:it-unknown/", "sondera.agent.tools=teleport")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void severalContextsOfOneTestSuiteShareTheAuditLog() {
		ApplicationContextRunner shared = this.runner.withPropertyValues("sondera.audit.path=target/shared-audit");
		shared.run((first) -> shared.withPropertyValues("sondera.mode=block")
			.run((second) -> assertThat(second).hasNotFailed()));
	}

	@Test
	void unknownModeValueStopsStartup() {
		this.runner.withPropertyValues("sondera.mode=maybe").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("Failed to bind properties under 'sondera.mode'");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStore {

		@Bean
		TrajectoryStore myStore() {
			return new InMemoryTrajectoryStore();
		}

	}

}
