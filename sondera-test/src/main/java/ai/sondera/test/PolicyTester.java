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

package ai.sondera.test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.support.ToolDefinitions;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ReflectionUtils;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.cedar.EvaluationErrorMode;
import ai.sondera.harness.policy.PolicyDescriptor;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.spring.ai.policy.PolicyResources;
import ai.sondera.spring.ai.tool.AgentToolCatalog;

/**
 * Policies under test, without a Spring context: the same harness, schema generation
 * (from {@code @Tool} methods and tool callbacks) and startup validation as the starter,
 * so a typo or a policy that can never match fails {@link Builder#build()} with the load
 * error. Each {@link #toolCall}, {@link #prompt}, {@link #answer} or {@link #toolResult}
 * is one step of a trajectory of its own; {@link #conversation()} gives several steps of
 * one trajectory (for {@code resource.step_count} policies). The tester remembers which
 * policies decided something, for {@link #uncoveredPolicies()}.
 *
 * <pre class="code">
 * PolicyTester policies = PolicyTester.builder()
 *     .policies("classpath:policies/")
 *     .tools(BankTools.class)
 *     .agent("Bank")
 *     .build();
 * assertThat(policies.toolCall("transfer", Map.of("amount", 5000))).isDenied().byPolicy("no-big-transfers");
 * </pre>
 *
 * @author Sondera
 */
public final class PolicyTester {

	private final CedarPolicyHarness harness;

	private final Agent agent;

	private final Set<String> decided = Collections.synchronizedSet(new LinkedHashSet<>());

	private PolicyTester(CedarPolicyHarness harness, Agent agent) {
		this.harness = harness;
		this.agent = agent;
	}

	/**
	 * Start building a tester.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Adjudicate a tool call (PRE_TOOL) in a new trajectory.
	 * @param tool the tool
	 * @param arguments its arguments
	 * @return the verdict
	 */
	public PolicyVerdict toolCall(String tool, Map<String, Object> arguments) {
		return conversation().toolCall(tool, arguments);
	}

	/**
	 * Adjudicate a tool call (PRE_TOOL) given as the model's raw JSON, in a new trajectory.
	 * @param tool the tool
	 * @param json the arguments as JSON
	 * @return the verdict
	 */
	public PolicyVerdict toolCall(String tool, String json) {
		return conversation().toolCall(tool, json);
	}

	/**
	 * Adjudicate a tool result (POST_TOOL) in a new trajectory.
	 * @param tool the tool
	 * @param result the result (a map for a JSON object, a string, a number...)
	 * @return the verdict
	 */
	public PolicyVerdict toolResult(String tool, Object result) {
		return conversation().toolResult(tool, result);
	}

	/**
	 * Adjudicate a user prompt (PRE_MODEL) in a new trajectory.
	 * @param text the prompt
	 * @return the verdict
	 */
	public PolicyVerdict prompt(String text) {
		return conversation().prompt(text);
	}

	/**
	 * Adjudicate a model answer (POST_MODEL) in a new trajectory.
	 * @param text the answer
	 * @return the verdict
	 */
	public PolicyVerdict answer(String text) {
		return conversation().answer(text);
	}

	/**
	 * Start a trajectory whose steps are adjudicated in order.
	 * @return the conversation
	 */
	public Conversation conversation() {
		return new Conversation(this.harness.initialize(this.agent, null), this::record);
	}

	/**
	 * Return the agent the policies are tested for, with its tools.
	 * @return the agent
	 */
	public Agent agent() {
		return this.agent;
	}

	/**
	 * Return the loaded policies.
	 * @return their descriptions (id, file, line, where each applies)
	 */
	public List<PolicyDescriptor> policies() {
		return this.harness.policies(this.agent);
	}

	/**
	 * Return the ids of the policies that no verdict of this tester named: no test made
	 * them decide.
	 * @return the ids, sorted
	 */
	public Set<String> uncoveredPolicies() {
		Set<String> uncovered = new TreeSet<>();
		for (PolicyDescriptor policy : policies()) {
			if (!this.decided.contains(policy.metadata().id())) {
				uncovered.add(policy.metadata().id());
			}
		}
		return uncovered;
	}

	private void record(Adjudication adjudication) {
		for (PolicyMetadata policy : adjudication.policies()) {
			this.decided.add(policy.id());
		}
	}

	/**
	 * Builds a {@link PolicyTester}.
	 */
	public static final class Builder {

		private final List<String> locations = new ArrayList<>();

		private final List<PolicySource> sources = new ArrayList<>();

		private final List<ToolDefinition> tools = new ArrayList<>();

		private final List<String> requestTimeTools = new ArrayList<>();

		private String agentId = "agent";

		private String agentName;

		private EvaluationErrorMode errorMode = EvaluationErrorMode.FAIL_CLOSED;

		private Builder() {
		}

		/**
		 * Where the policies are, as for {@code sondera.cedar.policies}
		 * ({@code classpath:policies/}, {@code file:...}, a directory).
		 * @param locations the locations
		 * @return this builder
		 */
		public Builder policies(String... locations) {
			this.locations.addAll(Arrays.asList(locations));
			return this;
		}

		/**
		 * Policies given as text.
		 * @param name a name for error messages
		 * @param cedar the policies
		 * @return this builder
		 */
		public Builder policyText(String name, String cedar) {
			this.sources.add(PolicySource.of(name, cedar));
			return this;
		}

		/**
		 * The {@code @Tool} methods of classes, as the starter reads them.
		 * @param classes classes with {@code @Tool} methods
		 * @return this builder
		 */
		public Builder tools(Class<?>... classes) {
			for (Class<?> type : classes) {
				for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
					if (method.isAnnotationPresent(Tool.class)) {
						this.tools.add(ToolDefinitions.from(method));
					}
				}
			}
			return this;
		}

		/**
		 * Tools given as callbacks ({@code FunctionToolCallback}, MCP tools...).
		 * @param callbacks the tools
		 * @return this builder
		 */
		public Builder tools(ToolCallback... callbacks) {
			for (ToolCallback callback : callbacks) {
				this.tools.add(callback.getToolDefinition());
			}
			return this;
		}

		/**
		 * Names of tools known only at request time, as {@code sondera.agent.tools}.
		 * @param names the tool names
		 * @return this builder
		 */
		public Builder requestTimeTools(String... names) {
			this.requestTimeTools.addAll(Arrays.asList(names));
			return this;
		}

		/**
		 * The agent's name (the Cedar namespace), as {@code sondera.agent.name}.
		 * @param name the name
		 * @return this builder
		 */
		public Builder agent(String name) {
			this.agentName = name;
			return this;
		}

		/**
		 * The agent's id, as {@code sondera.agent.id} (its name too unless one is set).
		 * @param id the id
		 * @return this builder
		 */
		public Builder agentId(String id) {
			this.agentId = id;
			return this;
		}

		/**
		 * How an erroring policy counts, as {@code sondera.cedar.on-error}.
		 * @param errorMode the mode
		 * @return this builder
		 */
		public Builder evaluationErrorMode(EvaluationErrorMode errorMode) {
			this.errorMode = errorMode;
			return this;
		}

		/**
		 * Load and validate the policies for the agent and its tools.
		 * @return the tester
		 * @throws ai.sondera.harness.policy.PolicyLoadException if a policy does not
		 * parse, names an unknown tool or can never match (with its id, file and line)
		 */
		public PolicyTester build() {
			List<PolicySource> all = new ArrayList<>(this.sources);
			if (!this.locations.isEmpty()) {
				all.addAll(PolicyResources.load(this.locations, new PathMatchingResourcePatternResolver()));
			}
			if (all.isEmpty()) {
				throw new IllegalStateException("No policies: give policies(\"classpath:policies/\") or policyText(...)");
			}
			CedarPolicyHarness harness = CedarPolicyHarness.builder()
				.policies(all)
				.store(new InMemoryTrajectoryStore())
				.auditLog(AuditLog.NONE)
				.evaluationErrorMode(this.errorMode)
				.build();
			AgentToolCatalog catalog = new AgentToolCatalog(AgentToolCatalog.applicationAgent(this.agentId,
					this.agentName, "spring-ai", "", "", this.requestTimeTools), harness::validate);
			Agent agent = catalog.register(this.tools);
			harness.validate(agent);
			return new PolicyTester(harness, agent);
		}

	}

}
