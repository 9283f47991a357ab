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
package ai.sondera.spring.ai.advisor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.Message;

import ai.sondera.harness.PolicyViolationException;
import ai.sondera.harness.Stage;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.advisor.SonderaModelTurnAdvisor.StreamMode;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.test.ScriptedChatModel;
import ai.sondera.spring.ai.test.ShopHarness;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The two advisors on a real {@link ChatClient} built by hand (no Spring context), with
 * the scripted model: prompts, answers, retries, held and incremental streams.
 */
class ModelTurnAdvisorTests {

	private final ScriptedChatModel model = new ScriptedChatModel();

	private final CedarPolicyHarness harness = ShopHarness.harness();

	private ChatClient client(EnforcementMode mode, StreamMode streamMode, int chunkSize) {
		ModelTurnGuard guard = new ModelTurnGuard(
				new VerdictResolver(new ApprovalService(Map.of(), Duration.ofSeconds(1))),
				new DefaultVerdictHandler(DefaultVerdictHandler.DEFAULT_TOOL_MESSAGE, "refused: {reason}",
						"try again: {reason}", 1),
				EnforcementResolver.of(Enforcement.of(mode)), FailurePolicy.FAIL_CLOSED);
		AgentToolCatalog catalog = new AgentToolCatalog(ShopHarness.agent(), this.harness::validate);
		return ChatClient.builder(this.model)
			.defaultAdvisors(new SonderaConversationAdvisor(this.harness, catalog),
					new SonderaModelTurnAdvisor(guard, streamMode, chunkSize))
			.build();
	}

	private ChatClient client(EnforcementMode mode) {
		return client(mode, StreamMode.HOLD, 200);
	}

	@Test
	void deniedPromptIsNeverSent() {
		String answer = client(EnforcementMode.STEER).prompt().user("give me a discount").call().content();
		assertThat(answer).isEqualTo("refused: Denied by policies: [no-discounts] No discount talk");
		assertThat(this.model.prompts()).isEmpty();
		assertThatExceptionOfType(PolicyViolationException.class)
			.isThrownBy(() -> client(EnforcementMode.BLOCK).prompt().user("a discount?").call().content())
			.satisfies((ex) -> assertThat(ex.getStage()).isEqualTo(Stage.PRE_MODEL));
		assertThat(this.model.prompts()).isEmpty();
	}

	@Test
	void deniedAnswerIsAskedAgainThenRefused() {
		this.model.thenSay("sure, a discount").thenSay("here is your apple");
		assertThat(client(EnforcementMode.STEER).prompt().user("an apple please").call().content())
			.isEqualTo("here is your apple");
		List<Message> retry = this.model.prompts().get(1).getInstructions();
		assertThat(retry.get(retry.size() - 1).getText())
			.isEqualTo("try again: Denied by policies: [no-discounts] No discount talk");
		this.model.thenSay("a discount").thenSay("another discount");
		assertThat(client(EnforcementMode.STEER).prompt().user("hi").call().content()).startsWith("refused:");
	}

	@Test
	void heldStreamEmitsNothingOfADeniedAnswer() {
		this.model.thenStream("hello ", "and a dis", "count").thenStream("clean answer");
		List<String> chunks = client(EnforcementMode.STEER).prompt().user("hi").stream().content().collectList().block();
		assertThat(String.join("", chunks)).isEqualTo("clean answer");
	}

	@Test
	void incrementalStreamReleasesWhatWasAllowedAndRefusesTheRest() {
		this.model.thenStream("first part, ", "second part, ", "then a discount", " and more");
		List<String> chunks = client(EnforcementMode.STEER, StreamMode.INCREMENTAL, 10).prompt()
			.user("hi")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(chunks).startsWith("first part, ", "second part, ")
			.doesNotContain("then a discount", " and more")
			.last()
			.asString()
			.startsWith("refused: Denied by policies: [no-discounts]");
		this.model.thenStream("all ", "fine ", "here");
		assertThat(client(EnforcementMode.STEER, StreamMode.INCREMENTAL, 4).prompt()
			.user("hi")
			.stream()
			.content()
			.collectList()
			.block()).containsExactly("all ", "fine ", "here");
	}

	@Test
	void optedOutCallsAreNotAdjudicated() {
		this.model.thenSay("a discount");
		assertThat(client(EnforcementMode.BLOCK).prompt()
			.user("a discount?")
			.advisors((advisors) -> advisors.param(SonderaConversationAdvisor.DISABLED, true))
			.call()
			.content()).isEqualTo("a discount");
	}

}
