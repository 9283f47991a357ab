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

import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.sondera.boot.autoconfigure.tools.BankTools;
import ai.sondera.boot.autoconfigure.tools.SideEffects;
import ai.sondera.boot.autoconfigure.tools.ToolsPackage;
import ai.sondera.spring.ai.test.ScriptedChatModel;

/**
 * The application the integration tests run: Spring AI's tool-calling and ChatClient
 * auto-configuration, ours, a bank tool bean, the scripted model and the policies in
 * {@code src/test/resources/it}.
 */
@Configuration(proxyBeanMethods = false)
class BankApplication {

	static ApplicationContextRunner runner(Class<?>... extraAutoConfigurations) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class,
					ChatClientAutoConfiguration.class, SonderaHarnessAutoConfiguration.class,
					SonderaToolAutoConfiguration.class, SonderaChatClientAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(extraAutoConfigurations))
			.withUserConfiguration(ToolsPackage.class, BankApplication.class)
			.withPropertyValues("sondera.cedar.policies=classpath:it/",
					"sondera.agent.name=Bank", "sondera.agent.tools=weather,lookup",
					"sondera.trajectories.store=memory",
					"sondera.audit.path=target/test-audit/" + java.util.UUID.randomUUID());
	}

	/**
	 * Ask an auto-configured client to "go" with the bank tools.
	 */
	static String askWithBankTools(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class)
			.build()
			.prompt()
			.user("go")
			.tools(context.getBean(BankTools.class))
			.call()
			.content();
	}

	static ScriptedChatModel model(AssertableApplicationContext context) {
		return context.getBean(ScriptedChatModel.class);
	}

	static SideEffects effects(AssertableApplicationContext context) {
		return context.getBean(SideEffects.class);
	}

	@Bean
	SideEffects sideEffects() {
		return new SideEffects();
	}

	@Bean
	BankTools bankTools(SideEffects effects) {
		return new BankTools(effects);
	}

	@Bean
	ScriptedChatModel chatModel() {
		return new ScriptedChatModel();
	}

}
