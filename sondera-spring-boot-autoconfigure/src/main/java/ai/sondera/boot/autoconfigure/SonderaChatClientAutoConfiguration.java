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

import java.util.Map;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import ai.sondera.harness.Harness;
import ai.sondera.spring.ai.SonderaContextKeys;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.advisor.ModelTurnGuard;
import ai.sondera.spring.ai.advisor.ConversationIndex;
import ai.sondera.spring.ai.advisor.SonderaConversationAdvisor;
import ai.sondera.spring.ai.advisor.SonderaModelTurnAdvisor;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;
import ai.sondera.spring.ai.verdict.VerdictHandler;

/**
 * Auto-configuration that adds the Sondera advisors to every auto-configured
 * {@link ChatClient.Builder}: one trajectory per call or conversation, and every model
 * turn under policy.
 *
 * @author Sondera
 */
@AutoConfiguration(after = SonderaToolAutoConfiguration.class)
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBean(AgentToolCatalog.class)
@ConditionalOnBooleanProperty(name = "sondera.enabled", matchIfMissing = true)
public final class SonderaChatClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ModelTurnGuard sonderaModelTurnGuard(SonderaProperties properties, VerdictResolver verdicts,
			VerdictHandler handler, EnforcementResolver enforcement) {
		return new ModelTurnGuard(verdicts, handler, enforcement, FailurePolicy.of(properties.isFailOpen()));
	}

	@Bean
	@ConditionalOnMissingBean
	SonderaConversationAdvisor sonderaConversationAdvisor(Harness harness, AgentToolCatalog catalog,
			ObjectProvider<ConversationIndex> index) {
		return new SonderaConversationAdvisor(harness, catalog, index.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	SonderaModelTurnAdvisor sonderaModelTurnAdvisor(SonderaProperties properties, ModelTurnGuard guard) {
		return new SonderaModelTurnAdvisor(guard, properties.getStream().getMode(),
				properties.getStream().getChunkSize());
	}

	@Bean
	ChatClientCustomizer sonderaChatClientCustomizer(SonderaConversationAdvisor conversation,
			SonderaModelTurnAdvisor modelTurns) {
		// Tools of auto-configured clients run through the guarded ToolCallingManager:
		// the marker tells the model boundary not to screen them again.
		return (builder) -> builder.defaultAdvisors(conversation, modelTurns)
			.defaultToolContext(Map.of(SonderaContextKeys.TOOLS_GUARDED, true));
	}

}
