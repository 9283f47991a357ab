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

package ai.sondera.harness.cedar;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Caller;
import ai.sondera.harness.Content;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.ShadowDecision;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.cedar.analysis.AnalysisCache;
import ai.sondera.harness.cedar.analysis.Applicability;
import ai.sondera.harness.cedar.analysis.Applicability.Checkpoint;
import ai.sondera.harness.cedar.analysis.LoadedPolicy;
import ai.sondera.harness.cedar.schema.AgentSchema.ToolAction;
import ai.sondera.harness.cedar.schema.AgentSchema.Wrapped;
import ai.sondera.harness.cedar.schema.AgentSchema;
import ai.sondera.harness.cedar.schema.CedarValues.InvalidValueException;
import ai.sondera.harness.cedar.schema.CedarValues;
import ai.sondera.harness.cedar.schema.RequestShape;
import ai.sondera.harness.json.PythonJson;
import ai.sondera.harness.policy.PolicyDescriptor;

/**
 * The policies of one agent, compiled: split per (action, request shape) into cached
 * native policy sets, with the entity types and entities built once. Immutable and
 * thread-safe; {@link #adjudicate} is the hot path.
 *
 * @author Sondera
 */
final class AgentPolicies {

	private static final Logger logger = LoggerFactory.getLogger(AgentPolicies.class);

	private final AgentSchema schema;

	private final BasicAuthorizationEngine engine;

	private final EvaluationErrorMode errorMode;

	private final boolean failOpen;

	private final Map<String, Map<RequestShape, Partition>> partitions;

	// Live and shadow policies together, only where shadow policies apply.
	private final Map<String, Map<RequestShape, Partition>> shadowPartitions;

	private final Set<String> shadowIds;

	private final List<PolicyDescriptor> descriptors;

	private final EntityTypeName trajectoryType;

	private final EntityTypeName messageType;

	private final EntityTypeName roleType;

	private final EntityUID agentUid;

	private final Map<String, EntityUID> actionUids = new HashMap<>();

	private final Map<Role, EntityUID> roleUids = new EnumMap<>(Role.class);

	private final Set<Entity> principalEntities = new HashSet<>();

	private AgentPolicies(AgentSchema schema, Map<LoadedPolicy, List<Checkpoint>> applicability,
			BasicAuthorizationEngine engine, EvaluationErrorMode errorMode, boolean failOpen,
			NativePolicySets policySets, Set<String> shadowIds) {
		this.schema = schema;
		this.shadowIds = shadowIds;
		this.engine = engine;
		this.errorMode = errorMode;
		this.failOpen = failOpen;
		String namespace = schema.namespace() + "::";
		this.trajectoryType = typeName(namespace + "Trajectory");
		this.messageType = typeName(namespace + "Message");
		this.roleType = typeName(namespace + "Role");
		EntityTypeName actionType = typeName(namespace + "Action");
		EntityTypeName toolType = typeName(namespace + "Tool");
		Agent agent = schema.agent();
		this.agentUid = typeName(namespace + "Agent").of(agent.id());
		List<Value> toolUids = new ArrayList<>();
		for (Tool tool : agent.tools()) {
			EntityUID toolUid = toolType.of(tool.name());
			toolUids.add(toolUid);
			this.principalEntities.add(new Entity(toolUid,
					Map.of("name", new PrimString(tool.name()), "description", new PrimString(tool.description())),
					Set.of()));
		}
		this.principalEntities.add(new Entity(this.agentUid, Map.of("name", new PrimString(agent.name()),
				"provider_id", new PrimString(agent.providerId()), "tools", new CedarList(toolUids)), Set.of()));
		for (Role role : Role.values()) {
			this.roleUids.put(role, this.roleType.of(role.wireName()));
		}

		Map<String, Map<RequestShape, List<LoadedPolicy>>> grouped = new HashMap<>();
		this.descriptors = new ArrayList<>();
		applicability.forEach((policy, checkpoints) -> {
			List<String> labels = new ArrayList<>();
			for (Checkpoint checkpoint : checkpoints) {
				grouped.computeIfAbsent(checkpoint.action(), (key) -> new EnumMap<>(RequestShape.class))
					.computeIfAbsent(checkpoint.shape(), (key) -> new ArrayList<>())
					.add(policy);
				labels.addAll(checkpoint.labels());
			}
			this.descriptors.add(new PolicyDescriptor(policy.metadata(), policy.forbid() ? "forbid" : "permit",
					policy.origin(), policy.line(), List.copyOf(labels)));
			logger.debug("Policy '{}' ({}) applies to {}", policy.id(), policy.location(), labels);
		});
		this.partitions = new HashMap<>();
		this.shadowPartitions = new HashMap<>();
		List<String> actions = new ArrayList<>(schema.toolActions().keySet());
		actions.add(AgentSchema.PROMPT_ACTION);
		for (String action : actions) {
			this.actionUids.put(action, actionType.of(action));
			Map<RequestShape, Partition> byShape = new EnumMap<>(RequestShape.class);
			Map<RequestShape, List<LoadedPolicy>> policies = grouped.getOrDefault(action, Map.of());
			for (RequestShape shape : RequestShape.values()) {
				List<LoadedPolicy> all = policies.getOrDefault(shape, List.of());
				List<LoadedPolicy> live = all.stream().filter((policy) -> !shadowIds.contains(policy.id())).toList();
				byShape.put(shape, new Partition(live, policySets));
				if (live.size() < all.size()) {
					this.shadowPartitions.computeIfAbsent(action, (key) -> new EnumMap<>(RequestShape.class))
						.put(shape, new Partition(all, policySets));
				}
			}
			this.partitions.put(action, byShape);
		}
	}

	/**
	 * Compile policies for an agent.
	 * @param agent the agent
	 * @param policies the loaded policies
	 * @param engine the Cedar engine
	 * @param errorMode what an evaluation error means
	 * @param failOpen whether a failure of the engine itself allows instead of denying
	 * @param cache the results of earlier checks of where policies apply
	 * @param policySets the native policy sets, shared
	 * @param shadowIds the ids of the shadow policies: evaluated, never deciding
	 * @return the compiled policies
	 * @throws PolicyLoadException if a policy can never match
	 */
	static AgentPolicies compile(Agent agent, List<LoadedPolicy> policies, BasicAuthorizationEngine engine,
			EvaluationErrorMode errorMode, boolean failOpen, AnalysisCache cache, NativePolicySets policySets,
			Set<String> shadowIds) {
		long start = System.nanoTime();
		AgentSchema schema = new AgentSchema(agent);
		Map<LoadedPolicy, List<Checkpoint>> applicability = Applicability.analyze(schema, policies, engine, cache);
		long analyzed = System.nanoTime();
		AgentPolicies compiled = new AgentPolicies(schema, applicability, engine, errorMode, failOpen, policySets,
				shadowIds);
		logger.info("Analyzed {} Cedar policies for agent '{}' ({} tools, {} action stages) in {} ms, compiled in {} ms",
				policies.size(), agent.name(), agent.tools().size(), 2 * agent.tools().size() + 1,
				(analyzed - start) / 1_000_000, (System.nanoTime() - analyzed) / 1_000_000);
		return compiled;
	}

	private static EntityTypeName typeName(String name) {
		return EntityTypeName.parse(name)
			.orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a valid Cedar type name"));
	}

	Agent agent() {
		return this.schema.agent();
	}

	AgentSchema schema() {
		return this.schema;
	}

	List<PolicyDescriptor> descriptors() {
		return List.copyOf(this.descriptors);
	}

	Partition partition(String action, RequestShape shape) {
		return this.partitions.get(action).get(shape);
	}

	EntityUID trajectoryUid(String trajectoryId) {
		return this.trajectoryType.of(trajectoryId);
	}

	/**
	 * Adjudicate one step.
	 * @param stage the stage
	 * @param role the role
	 * @param content the content
	 * @param trajectory the trajectory entity id
	 * @param stepCount the step count the request sees
	 * @param caller who is calling, or {@code null}
	 * @return the adjudication; never throws for bad input (it denies instead)
	 */
	Adjudication adjudicate(Stage stage, Role role, Content content, EntityUID trajectory, long stepCount,
			Caller caller) {
		RequestShape shape = RequestShape.of(stage, content);
		if (shape == null) {
			return new Adjudication(Decision.ALLOW, Decisions.NOT_EVALUATED, List.of());
		}
		if (shape == RequestShape.PROMPT) {
			return adjudicatePrompt(role, (PromptContent) content, trajectory, stepCount);
		}
		String toolId = (content instanceof ToolRequestContent request) ? request.toolId()
				: ((ToolResponseContent) content).toolId();
		ToolAction action = this.schema.toolAction(toolId);
		if (action == null) {
			return new Adjudication(Decision.DENY, "Unknown tool '" + toolId + "': agent '" + agent().name()
					+ "' declares no such tool (known tools: " + toolNames() + ")", List.of());
		}
		Partition live = this.partitions.get(action.name()).get(shape);
		Partition shadow = shadowPartition(action.name(), shape);
		// The context and entities serve both evaluations: the shadow partition reads a superset.
		Partition partition = (shadow != null) ? shadow : live;
		Map<String, Value> context = new HashMap<>(4);
		try {
			if (content instanceof ToolRequestContent request) {
				addParameters(context, action, request, partition);
			}
			else {
				addResponse(context, action, (ToolResponseContent) content, partition);
			}
		}
		catch (InvalidValueException ex) {
			String what = (shape == RequestShape.TOOL_CALL) ? "Invalid arguments for tool '" : "Invalid result of tool '";
			return new Adjudication(Decision.DENY, what + toolId + "': " + ex.getMessage(), List.of());
		}
		if (shadow == null && !live.needsEngine()) {
			return Decisions.withoutEngine(live);
		}
		if (caller != null && partition.reads().readsContext("caller") && !caller.attributes().isEmpty()) {
			Map<String, Value> attributes = new HashMap<>();
			caller.attributes().forEach((name, value) -> attributes.put(name, new PrimString(value)));
			context.put("caller", new CedarMap(attributes));
		}
		Set<Entity> entities = entities(partition);
		if (partition.reads().readsTrajectoryEntity()) {
			entities.add(trajectoryEntity(trajectory, stepCount));
		}
		return decide(new AuthorizationRequest(this.agentUid, this.actionUids.get(action.name()), trajectory, context),
				live, shadow, entities);
	}

	private Partition shadowPartition(String action, RequestShape shape) {
		Map<RequestShape, Partition> byShape = this.shadowPartitions.get(action);
		return (byShape != null) ? byShape.get(shape) : null;
	}

	/**
	 * Decide; where shadow policies apply, the set with them is evaluated first. When no
	 * shadow policy matched (or errored), removing them changes nothing, so that decision
	 * is the live one; otherwise the live set is evaluated too and what the shadow
	 * policies would have decided is attached.
	 */
	private Adjudication decide(AuthorizationRequest request, Partition live, Partition shadow, Set<Entity> entities) {
		if (shadow == null) {
			return evaluate(request, live, entities);
		}
		Set<String> involved = new HashSet<>();
		Adjudication wouldBe;
		Object outcome = shadow.needsEngine() ? authorize(request, shadow, entities) : Decisions.withoutEngine(shadow);
		if (outcome instanceof AuthorizationSuccessResponse response) {
			wouldBe = Decisions.decide(response, shadow, this.errorMode);
			involved.addAll(response.getReason());
			response.getErrors().forEach((error) -> involved.add(error.getPolicyId()));
		}
		else {
			wouldBe = (Adjudication) outcome;
		}
		wouldBe.policies().forEach((policy) -> involved.add(policy.id()));
		involved.retainAll(this.shadowIds);
		if (involved.isEmpty()) {
			return wouldBe;
		}
		Adjudication decision = evaluate(request, live, entities);
		List<PolicyMetadata> matched = involved.stream().sorted().map((id) -> shadow.policy(id).metadata()).toList();
		return decision.withShadow(new ShadowDecision(wouldBe.decision(), wouldBe.reason(), matched));
	}

	private Adjudication adjudicatePrompt(Role role, PromptContent content, EntityUID trajectory, long stepCount) {
		Partition live = this.partitions.get(AgentSchema.PROMPT_ACTION).get(RequestShape.PROMPT);
		Partition shadow = shadowPartition(AgentSchema.PROMPT_ACTION, RequestShape.PROMPT);
		Partition partition = (shadow != null) ? shadow : live;
		if (shadow == null && !live.needsEngine()) {
			return Decisions.withoutEngine(live);
		}
		EntityUID messageUid = this.messageType.of(UUID.randomUUID().toString());
		Entity message = new Entity(messageUid,
				Map.of("content", new PrimString(content.text()), "role", this.roleUids.get(role)), Set.of(trajectory));
		Set<Entity> entities = entities(partition);
		entities.add(message);
		if (partition.reads().entityLiterals()) {
			entities.add(trajectoryEntity(trajectory, stepCount));
		}
		return decide(new AuthorizationRequest(this.agentUid, this.actionUids.get(AgentSchema.PROMPT_ACTION),
				messageUid, Map.of()), live, shadow, entities);
	}

	private static Entity trajectoryEntity(EntityUID trajectory, long stepCount) {
		return new Entity(trajectory, Map.of("step_count", new PrimLong(stepCount)), Set.of());
	}

	private Set<Entity> entities(Partition partition) {
		return partition.reads().readsAgentEntities() ? new HashSet<>(this.principalEntities) : new HashSet<>(4);
	}

	private static void addParameters(Map<String, Value> context, ToolAction action, ToolRequestContent request,
			Partition partition) {
		Wrapped parameters = action.parameters();
		if (parameters != null) {
			Value value = parameters.wrapped()
					? CedarValues.toRecord(parameters.record(), Map.of("value", request.arguments()), "")
					: CedarValues.toRecord(parameters.record(), request.arguments(), "");
			if (partition.reads().readsContext("parameters")) {
				context.put("parameters", value);
			}
		}
		if (partition.reads().readsContext("parameters_json")) {
			context.put("parameters_json", new PrimString(PythonJson.write(request.arguments())));
		}
	}

	private static void addResponse(Map<String, Value> context, ToolAction action, ToolResponseContent content,
			Partition partition) {
		Wrapped response = action.response();
		if (response != null) {
			Object result = content.response();
			Map<?, ?> record;
			if (response.wrapped()) {
				record = java.util.Collections.singletonMap("value", result);
			}
			else if (result instanceof Map<?, ?> map) {
				record = map;
			}
			else {
				throw new InvalidValueException("the result must be a JSON object as its output schema says, but was "
						+ ((result == null) ? "null" : result.getClass().getSimpleName()));
			}
			Value value = CedarValues.toRecord(response.record(), record, response.wrapped() ? "" : "response");
			if (partition.reads().readsContext("response")) {
				context.put("response", value);
			}
		}
		if (partition.reads().readsContext("response_json")) {
			context.put("response_json", new PrimString(PythonJson.write(content.response())));
		}
	}

	private Adjudication evaluate(AuthorizationRequest request, Partition partition, Set<Entity> entities) {
		if (!partition.needsEngine()) {
			return Decisions.withoutEngine(partition);
		}
		Object outcome = authorize(request, partition, entities);
		return (outcome instanceof AuthorizationSuccessResponse response)
				? Decisions.decide(response, partition, this.errorMode) : (Adjudication) outcome;
	}

	/**
	 * Ask the engine: its response, or the adjudication of its failure.
	 */
	private Object authorize(AuthorizationRequest request, Partition partition, Set<Entity> entities) {
		AuthorizationResponse response;
		try {
			response = this.engine.isAuthorized(request, partition.policySet(), entities);
		}
		catch (AuthException | RuntimeException ex) {
			logger.error("Cedar evaluation failed for {}", request.actionEUID, ex);
			return engineFailure(String.valueOf(ex.getMessage()));
		}
		if (response.success.isEmpty()) {
			String errors = response.errors.map(Object::toString).orElse("no details");
			logger.error("Cedar rejected the request for {}: {}", request.actionEUID, errors);
			return engineFailure(errors);
		}
		return response.success.get();
	}

	private Adjudication engineFailure(String error) {
		return this.failOpen
				? new Adjudication(Decision.ALLOW, "Policy evaluation failed, allowed because fail-open is set: " + error,
						List.of())
				: new Adjudication(Decision.DENY, "Policy evaluation failed, denied to fail closed: " + error, List.of());
	}

	private List<String> toolNames() {
		return agent().tools().stream().map(Tool::name).toList();
	}

}
