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
package ai.sondera.harness.cedar.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.ValidationResponse.ValidationError;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.sondera.harness.cedar.schema.AgentSchema;
import ai.sondera.harness.cedar.schema.RequestShape;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.policy.PolicyProblem;

/**
 * Decides which (action, request shape) each policy applies to. A policy applies when
 * its action scope admits the action and it type-checks against that shape's schema
 * (strict Cedar validation), tolerating only access to an attribute that is really
 * optional there. A policy that names an unknown action, or applies nowhere, is a load
 * error: it could never match.
 *
 * @author Sondera
 */
public final class Applicability {

	private static final String OPTIONAL_ACCESS = "unable to guarantee safety of access to optional attribute";

	private static final String IMPOSSIBLE = "policy is impossible";

	private Applicability() {
	}

	/**
	 * A place a policy is evaluated.
	 *
	 * @param action the Cedar action name
	 * @param shape the request shape
	 */
	public record Checkpoint(String action, RequestShape shape) {

		public List<String> labels() {
			return this.shape.stages().stream().map((stage) -> this.action + "@" + stage).toList();
		}

	}

	/**
	 * Work out where every policy applies. A policy is checked once per kind of
	 * checkpoint it can tell apart, not once per tool: tools whose context types are the
	 * same where the policy reads them share one check (unless the policy names actions
	 * or entities in its conditions), and checks already made for the same policy text,
	 * namespace, stage and context types (by an earlier load, a reload, or another agent)
	 * are taken from the cache. The results, messages included, are the same as checking
	 * every (action, stage) on its own.
	 * @param schema the agent schema
	 * @param policies the policies
	 * @param engine the Cedar engine
	 * @param cache the results of earlier checks
	 * @return for each policy, in order, its checkpoints (never empty)
	 * @throws PolicyLoadException if a policy names an unknown action or applies nowhere
	 */
	public static Map<LoadedPolicy, List<Checkpoint>> analyze(AgentSchema schema, List<LoadedPolicy> policies,
			BasicAuthorizationEngine engine, AnalysisCache cache) {
		List<String> knownActions = new ArrayList<>(schema.toolActions().keySet());
		knownActions.add(AgentSchema.PROMPT_ACTION);
		String actionType = schema.namespace() + "::Action";
		List<PolicyProblem> problems = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		Map<AnalysisCache.Key, String> pending = new HashMap<>();
		Map<String, AnalysisCache.Key> pendingByCopy = new HashMap<>();
		Map<RequestShape, Set<Policy>> copies = new EnumMap<>(RequestShape.class);
		Map<TypesKey, String> contextTypes = new HashMap<>();
		for (LoadedPolicy policy : policies) {
			PolicyReads reads = policy.reads();
			boolean groupable = !reads.action() && !reads.entityLiterals();
			for (String action : admittedActions(policy, actionType, knownActions, schema, problems)) {
				RequestShape[] shapes = AgentSchema.PROMPT_ACTION.equals(action)
						? new RequestShape[] { RequestShape.PROMPT }
						: new RequestShape[] { RequestShape.TOOL_CALL, RequestShape.TOOL_RESULT };
				for (RequestShape shape : shapes) {
					String variant = (groupable && shape != RequestShape.PROMPT)
							? contextTypes.computeIfAbsent(new TypesKey(action, shape, reads),
									(unused) -> contextTypes(schema, action, shape, reads))
							: "action " + action;
					AnalysisCache.Key key = new AnalysisCache.Key(schema.namespace(), shape, policy.policy().policySrc,
							variant);
					candidates.add(new Candidate(policy, new Checkpoint(action, shape), key));
					if (cache.get(key) == null && !pending.containsKey(key)) {
						String copyId = "c" + pending.size();
						pending.put(key, action);
						pendingByCopy.put(copyId, key);
						copies.computeIfAbsent(shape, (unused) -> new LinkedHashSet<>())
							.add(scopedCopy(policy, actionType, action, copyId));
					}
				}
			}
		}
		Map<String, List<String>> errors = new HashMap<>();
		Set<String> impossible = new HashSet<>();
		copies.forEach((shape, set) -> validate(engine, schema, shape, set, errors, impossible));
		pendingByCopy.forEach((copyId, key) -> cache.put(key, new AnalysisCache.Result(pending.get(key),
				errors.getOrDefault(copyId, List.of()), impossible.contains(copyId))));

		Map<LoadedPolicy, List<Checkpoint>> result = new LinkedHashMap<>();
		Map<LoadedPolicy, Set<String>> reasons = new LinkedHashMap<>();
		policies.forEach((policy) -> result.put(policy, new ArrayList<>()));
		Map<LoadedPolicy, List<Candidate>> rejectedCandidates = new HashMap<>();
		for (Candidate candidate : candidates) {
			AnalysisCache.Result checked = cache.get(candidate.key());
			if (checked.errors().isEmpty() && !checked.impossible()) {
				result.get(candidate.policy()).add(candidate.checkpoint());
			}
			else {
				rejectedCandidates.computeIfAbsent(candidate.policy(), (key) -> new ArrayList<>()).add(candidate);
			}
		}
		// Why a policy does not apply is worked out only for the policies that apply nowhere.
		rejectedCandidates.forEach((policy, rejected) -> {
			if (result.get(policy).isEmpty()) {
				Set<String> why = new LinkedHashSet<>();
				rejected.forEach((candidate) -> why.addAll(reasons(schema, candidate, cache.get(candidate.key()))));
				reasons.put(policy, why);
			}
		});
		for (Map.Entry<LoadedPolicy, List<Checkpoint>> entry : result.entrySet()) {
			LoadedPolicy policy = entry.getKey();
			Set<String> why = reasons.get(policy);
			if (entry.getValue().isEmpty() && why != null) {
				problems.add(policy.problem("can never match, so it would silently do nothing: it applies to no action"
						+ " and stage of agent '" + schema.agent().name() + "' (" + String.join("; ", why)
						+ "). Known actions: " + knownActions + " (namespace " + schema.namespace() + ")"));
			}
		}
		if (!problems.isEmpty()) {
			throw new PolicyLoadException(problems);
		}
		return result;
	}

	private static List<String> admittedActions(LoadedPolicy policy, String actionType, List<String> knownActions,
			AgentSchema schema, List<PolicyProblem> problems) {
		JsonNode scope = policy.ast().path("action");
		String op = scope.path("op").asText();
		if ("All".equals(op)) {
			return knownActions;
		}
		List<JsonNode> entities = new ArrayList<>();
		if (scope.has("entity")) {
			entities.add(scope.get("entity"));
		}
		scope.path("entities").forEach(entities::add);
		List<String> admitted = new ArrayList<>();
		for (JsonNode entity : entities) {
			JsonNode uid = entity.has("__entity") ? entity.get("__entity") : entity;
			String type = uid.path("type").asText();
			String id = uid.path("id").asText();
			if (actionType.equals(type) && knownActions.contains(id)) {
				admitted.add(id);
			}
			else {
				problems.add(policy.problem("names action " + type + "::\"" + id + "\", which is not an action of agent '"
						+ schema.agent().name() + "', so the policy could never match. Known actions: " + knownActions
						+ " (namespace " + schema.namespace() + ")"));
			}
		}
		return admitted;
	}

	private static Policy scopedCopy(LoadedPolicy policy, String actionType, String action, String copyId) {
		if ("==".equals(policy.ast().path("action").path("op").asText())) {
			return new Policy(policy.policy().policySrc, copyId);
		}
		ObjectNode ast = policy.ast().deepCopy();
		ObjectNode scope = ast.putObject("action").put("op", "==");
		scope.putObject("entity").put("type", actionType).put("id", action);
		try {
			return Policy.fromJson(copyId, ast.toString());
		}
		catch (InternalException ex) {
			throw new IllegalStateException("Cedar could not rebuild policy '" + policy.id() + "' for action " + action,
					ex);
		}
	}

	private static void validate(BasicAuthorizationEngine engine, AgentSchema schema, RequestShape shape,
			Set<Policy> copies, Map<String, List<String>> errors, Set<String> impossible) {
		ValidationResponse response;
		try {
			response = engine.validate(new ValidationRequest(schema.schema(shape), new PolicySet(copies)));
		}
		catch (AuthException ex) {
			throw new IllegalStateException("Cedar could not validate the policies of agent '" + schema.agent().name()
					+ "': " + ex.getMessage(), ex);
		}
		if (response.success.isEmpty()) {
			throw new IllegalStateException("Cedar could not validate the policies of agent '" + schema.agent().name()
					+ "': " + response.errors.map(Object::toString).orElse("no details"));
		}
		for (ValidationError error : response.success.get().validationErrors) {
			String message = error.getError().message;
			if (!message.contains(OPTIONAL_ACCESS)) {
				errors.computeIfAbsent(error.getPolicyId(), (key) -> new ArrayList<>()).add(clean(message));
			}
		}
		for (ValidationError warning : response.success.get().validationWarnings) {
			if (warning.getError().message.contains(IMPOSSIBLE)) {
				impossible.add(warning.getPolicyId());
			}
		}
	}

	/**
	 * Return why a candidate does not apply (empty if it does): the engine's errors for
	 * the checked copy, with its action named as the candidate's, and for an impossible
	 * condition the attributes tested with {@code has} that do not exist there.
	 */
	private static List<String> reasons(AgentSchema schema, Candidate candidate, AnalysisCache.Result checked) {
		List<String> reasons = new ArrayList<>();
		String checkedAction = schema.namespace() + "::Action::\"" + checked.action() + "\"";
		String action = schema.namespace() + "::Action::\"" + candidate.checkpoint().action() + "\"";
		for (String error : checked.errors()) {
			reasons.add(error.replace(checkedAction, action));
		}
		if (checked.impossible()) {
			reasons.addAll(impossible(schema, candidate.checkpoint().shape(), candidate));
		}
		return reasons;
	}

	/**
	 * Return the types of the context attributes a policy can read at an action and
	 * stage, as JSON: two actions with the same types there are the same to the policy.
	 */
	private static String contextTypes(AgentSchema schema, String action, RequestShape shape, PolicyReads reads) {
		JsonNode attributes = schema.schemaJson(shape)
			.path(schema.namespace())
			.path("actions")
			.path(action)
			.path("appliesTo")
			.path("context")
			.path("attributes");
		if (reads.wholeContext()) {
			return attributes.toString();
		}
		StringBuilder types = new StringBuilder();
		reads.contextAttributes()
			.stream()
			.sorted()
			.forEach((name) -> types.append(name).append('=').append(attributes.path(name)).append(';'));
		return types.toString();
	}

	private static List<String> impossible(AgentSchema schema, RequestShape shape, Candidate candidate) {
		List<String> missing = MissingAttributes.describe(candidate.policy().ast(), schema.schemaJson(shape),
				schema.namespace(), candidate.checkpoint());
		if (!missing.isEmpty()) {
			return missing;
		}
		return List.of("at " + shape.stages().stream().map(Object::toString).collect(Collectors.joining("/"))
				+ " the condition is always false");
	}

	private static String clean(String message) {
		int comma = message.startsWith("for policy `") ? message.indexOf("`, ") : -1;
		String text = (comma >= 0) ? message.substring(comma + 3) : message;
		if (text.contains("decimal") && text.contains("Long")) {
			text += " (JSON schema \"number\" is a Cedar decimal: compare with .greaterThan(decimal(\"10000.0\")))";
		}
		return text;
	}

	private record Candidate(LoadedPolicy policy, Checkpoint checkpoint, AnalysisCache.Key key) {
	}

	private record TypesKey(String action, RequestShape shape, PolicyReads reads) {
	}

}
