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
package ai.sondera.spring.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.sondera.harness.Harness;
import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.spring.ai.advisor.ModelTurnGuard;
import ai.sondera.spring.ai.advisor.SonderaConversationAdvisor;
import ai.sondera.spring.ai.advisor.SonderaModelTurnAdvisor;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.test.ScriptedChatModel;
import ai.sondera.spring.ai.test.ShopHarness;
import ai.sondera.spring.ai.test.ShopTools;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.GuardedToolCallingManager;
import ai.sondera.spring.ai.tool.GuardedToolCallingManagerPostProcessor;
import ai.sondera.spring.ai.tool.StartupToolValidator;
import ai.sondera.spring.ai.tool.ToolCallGuard;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;
import ai.sondera.spring.ai.verdict.VerdictHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Guarded tool calling, both advisors and startup validation wired by hand in a plain
 * Spring {@link AnnotationConfigApplicationContext}, without Spring Boot: the module
 * works on its own, as resilience4j's Spring module does.
 */
class HandWiredContextTests {

	private static AnnotationConfigApplicationContext context(String policies) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(CedarPolicyHarness.class, () -> CedarPolicyHarness.builder()
			.policies(policies)
			.store(new InMemoryTrajectoryStore())
			.build());
		context.register(HandWired.class);
		context.refresh();
		return context;
	}

	private static ChatClient client(AnnotationConfigApplicationContext context) {
		return ChatClient
			.builder(context.getBean(ScriptedChatModel.class), ObservationRegistry.NOOP, null, null,
					ToolCallingAdvisor.builder().toolCallingManager(context.getBean(ToolCallingManager.class)))
			.defaultAdvisors(context.getBean(SonderaConversationAdvisor.class),
					context.getBean(SonderaModelTurnAdvisor.class))
			.build();
	}

	@Test
	void toolCallsAndModelTurnsAreUnderPolicy() {
		try (AnnotationConfigApplicationContext context = context(ShopHarness.POLICIES)) {
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GuardedToolCallingManager.class);
			ShopTools tools = context.getBean(ShopTools.class);
			ScriptedChatModel model = context.getBean(ScriptedChatModel.class);
			model.thenCall("buy", "{\"item\": \"apple\", \"quantity\": 9}")
				.thenCall("buy", "{\"item\": \"apple\", \"quantity\": 3}")
				.thenSay("bought three apples");
			assertThat(client(context).prompt().user("apples").tools(tools).call().content())
				.isEqualTo("bought three apples");
			assertThat(tools.purchases()).containsExactly("apple x3");
			assertThat(model.prompts().get(1).getInstructions().toString()).contains("[bulk] No more than 5");
			assertThat(client(context).prompt().user("any discount?").call().content()).contains("[no-discounts]");
			assertThat(context.getBean(AgentToolCatalog.class).agent().tools()).extracting("name")
				.contains("buy", "receipt");
		}
	}

	@Test
	void policyThatNamesAMissingToolStopsTheContext() {
		assertThatIllegalStateException().isThrownBy(() -> context("""
				@id("allow-all") permit(principal, action, resource);
				@id("typo") forbid(principal, action == Shop::Action::"bye", resource);
				"""))
			.withMessageContaining("Shop::Action::\"bye\"")
			.withMessageContaining("Known actions: [buy, receipt, Prompt]");
	}

	@Configuration(proxyBeanMethods = false)
	static class HandWired {

		@Bean
		ScriptedChatModel chatModel() {
			return new ScriptedChatModel();
		}

		@Bean
		ShopTools shopTools() {
			return new ShopTools();
		}

		@Bean
		AgentToolCatalog agentToolCatalog(PolicyAdministration administration) {
			return new AgentToolCatalog(AgentToolCatalog.applicationAgent("shop", "Shop", "test", "", "", List.of()),
					administration::validate);
		}

		@Bean
		EnforcementResolver enforcementResolver() {
			return EnforcementResolver.of(Enforcement.STEER);
		}

		@Bean
		VerdictResolver verdictResolver() {
			return new VerdictResolver(new ApprovalService(Map.of(), Duration.ofSeconds(1)));
		}

		@Bean
		VerdictHandler verdictHandler() {
			return new DefaultVerdictHandler();
		}

		@Bean
		ToolCallGuard toolCallGuard(VerdictResolver verdicts, VerdictHandler handler, AgentToolCatalog catalog,
				EnforcementResolver enforcement) {
			return new ToolCallGuard(verdicts, handler, catalog, enforcement, FailurePolicy.FAIL_CLOSED);
		}

		@Bean
		ToolCallingManager toolCallingManager() {
			return ToolCallingManager.builder().build();
		}

		@Bean
		static GuardedToolCallingManagerPostProcessor guardedToolCallingManagerPostProcessor(
				ObjectProvider<Harness> harness, ObjectProvider<AgentToolCatalog> catalog,
				ObjectProvider<ToolCallGuard> guard, ObjectProvider<ToolCallbackResolver> resolver) {
			return new GuardedToolCallingManagerPostProcessor(harness, catalog, guard, resolver, false);
		}

		@Bean
		StartupToolValidator startupToolValidator(AgentToolCatalog catalog, EnforcementResolver enforcement,
				ListableBeanFactory beanFactory, PolicyAdministration administration) {
			return new StartupToolValidator(catalog, enforcement, beanFactory, List.of(), administration, true);
		}

		@Bean
		SonderaConversationAdvisor conversationAdvisor(Harness harness, AgentToolCatalog catalog) {
			return new SonderaConversationAdvisor(harness, catalog);
		}

		@Bean
		SonderaModelTurnAdvisor modelTurnAdvisor(VerdictResolver verdicts, VerdictHandler handler,
				EnforcementResolver enforcement) {
			return new SonderaModelTurnAdvisor(new ModelTurnGuard(verdicts, handler, enforcement,
					FailurePolicy.FAIL_CLOSED), SonderaModelTurnAdvisor.StreamMode.HOLD, 200);
		}

	}

}
