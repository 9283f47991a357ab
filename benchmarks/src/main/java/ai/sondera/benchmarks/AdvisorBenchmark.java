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

package ai.sondera.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

import ai.sondera.harness.Agent;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.advisor.ModelTurnGuard;
import ai.sondera.spring.ai.advisor.SonderaConversationAdvisor;
import ai.sondera.spring.ai.advisor.SonderaModelTurnAdvisor;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;

/**
 * One ChatClient call (no tools, a scripted model) bare, with the Sondera advisors, and
 * the harness work those advisors do on their own (a trajectory with PRE_RUN, PRE_MODEL,
 * POST_MODEL and POST_RUN): {@code advised - bare - adjudications} is the advisors' own
 * overhead per model turn.
 *
 * @author Sondera
 */
public class AdvisorBenchmark extends HarnessBenchmark {

	private ChatClient bare;

	private ChatClient advised;

	private CedarPolicyHarness harness;

	private Agent agent;

	@Setup(Level.Trial)
	public void setUp() {
		ChatModel model = new ChatModel() {
			@Override
			public ChatResponse call(Prompt prompt) {
				return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content("Hi there.").build())));
			}

			@Override
			public ChatOptions getOptions() {
				return ToolCallingChatOptions.builder().build();
			}
		};
		this.agent = new Agent("bench", "bench", "Bench", "", "", List.of());
		this.harness = CedarPolicyHarness.builder().policies("""
				@id("allow-all") permit(principal, action, resource);
				@id("no-injection") forbid(principal, action == Bench::Action::"Prompt", resource)
				when { resource.content like "*ignore previous instructions*" };
				""").agent(this.agent).store(new DiscardingTrajectoryStore()).build();
		VerdictResolver verdicts = new VerdictResolver(new ApprovalService(Map.of(), Duration.ofSeconds(1)));
		ModelTurnGuard guard = new ModelTurnGuard(verdicts, new DefaultVerdictHandler(),
				EnforcementResolver.of(Enforcement.STEER), FailurePolicy.FAIL_CLOSED);
		this.bare = ChatClient.builder(model).build();
		this.advised = ChatClient.builder(model)
			.defaultAdvisors(new SonderaConversationAdvisor(this.harness, new AgentToolCatalog(this.agent, (a) -> {
			})), new SonderaModelTurnAdvisor(guard, SonderaModelTurnAdvisor.StreamMode.HOLD, 200))
			.build();
		if (!bare().equals(advised())) {
			throw new IllegalStateException("The advised call must be allowed: " + advised());
		}
	}

	@Benchmark
	public String bare() {
		return this.bare.prompt().user("Hello, how are you?").call().content();
	}

	@Benchmark
	public String advised() {
		return this.advised.prompt().user("Hello, how are you?").call().content();
	}

	@Benchmark
	public long adjudications() {
		Trajectory trajectory = this.harness.initialize(this.agent, null);
		trajectory.adjudicate(Stage.PRE_RUN, Role.USER, new PromptContent("Hello, how are you?"));
		trajectory.adjudicate(Stage.PRE_MODEL, Role.USER, new PromptContent("Hello, how are you?"));
		trajectory.adjudicate(Stage.POST_MODEL, Role.MODEL, new PromptContent("Hi there."));
		trajectory.adjudicate(Stage.POST_RUN, Role.MODEL, new PromptContent(""));
		trajectory.finish();
		return trajectory.stepCount();
	}

}
