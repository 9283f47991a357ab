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
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ai.sondera.boot.autoconfigure.tools.BankTools;
import ai.sondera.boot.autoconfigure.tools.SideEffects;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.harness.Stage;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.spring.ai.test.ScriptedChatModel;
import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second layer: {@code @Tool} methods of beans called directly by application code
 * are adjudicated too, and a call through the ChatClient is adjudicated once.
 */
class ToolMethodPolicyAspectIntegrationTests {

	private final ApplicationContextRunner runner = BankApplication.runner(AopAutoConfiguration.class);

	@Test
	void directCallsOfToolMethodsAreAdjudicated() {
		this.runner.run((context) -> {
			BankTools bank = context.getBean(BankTools.class);
			assertThat(AopUtils.isAopProxy(bank)).isTrue();
			assertThat(bank.transfer("bob", 10)).isEqualTo("sent 10 to bob");
			assertThatThrownBy(() -> bank.transfer("eve", 5000)).isInstanceOf(PolicyViolationException.class)
				.hasMessageContaining("no-big-transfers");
			assertThatThrownBy(bank::statement).isInstanceOf(PolicyViolationException.class)
				.hasMessageContaining("POST_TOOL");
			assertThat(context.getBean(SideEffects.class).log()).containsExactly("transfer:bob=10", "statement:");
		});
	}

	@Test
	void callsThroughTheChatClientAreAdjudicatedOnce() {
		this.runner.run((context) -> {
			context.getBean(ScriptedChatModel.class)
				.thenCall("transfer", "{\"to\": \"bob\", \"amount\": 10}")
				.thenSay("done");
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			client.prompt().user("go").tools(context.getBean(BankTools.class)).call().content();
			assertThat(context.getBean(SideEffects.class).count("transfer")).isEqualTo(1);
			assertThat(context.getBean(InMemoryTrajectoryStore.class).findAll()).singleElement()
				.extracting(StoredTrajectory::steps)
				.asInstanceOf(InstanceOfAssertFactories.list(TrajectoryStep.class))
				.extracting(TrajectoryStep::stage)
				.containsExactly(Stage.PRE_RUN, Stage.PRE_MODEL, Stage.PRE_TOOL, Stage.POST_TOOL, Stage.POST_MODEL,
						Stage.POST_RUN);
		});
	}

}
