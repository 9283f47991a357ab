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

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What parts of a request a policy can read, worked out from its parsed form (Cedar's
 * JSON policy format), never from its text: comments, string literals and spacing cannot
 * change it. A request is built with everything any policy of its partition can read, so
 * every policy sees the same entities and context as in the Sondera SDK; what no policy
 * reads is left out to keep the engine call small.
 *
 * @param principal whether the conditions read the principal ({@code Agent} entity)
 * @param resource whether the conditions read the resource ({@code Trajectory} or
 * {@code Message} entity)
 * @param entityLiterals whether the conditions name an entity literally, such as
 * {@code MyAgent::Tool::"Bash"}, whose attributes then must be in the request
 * @param wholeContext whether the conditions use {@code context} other than through one
 * of its attributes
 * @param contextAttributes the attributes of {@code context} the conditions read or
 * test with {@code has}
 * @param action whether the conditions read {@code action} (so the policy can tell
 * actions apart beyond its scope)
 * @author Sondera
 */
public record PolicyReads(boolean principal, boolean resource, boolean entityLiterals, boolean wholeContext,
		Set<String> contextAttributes, boolean action) {

	/**
	 * Analyze the conditions of a policy.
	 * @param ast the policy in Cedar's JSON format
	 * @return what it reads
	 */
	public static PolicyReads of(JsonNode ast) {
		Collector collector = new Collector();
		for (JsonNode condition : ast.path("conditions")) {
			collector.visit(condition.path("body"));
		}
		return new PolicyReads(collector.principal, collector.resource, collector.entityLiterals,
				collector.wholeContext, Set.copyOf(collector.contextAttributes), collector.action);
	}

	/**
	 * Return what any of the policies reads.
	 * @param policies the policies
	 * @return what they read together
	 */
	public static PolicyReads of(Collection<LoadedPolicy> policies) {
		boolean principal = false;
		boolean resource = false;
		boolean entityLiterals = false;
		boolean wholeContext = false;
		boolean action = false;
		Set<String> attributes = new HashSet<>();
		for (LoadedPolicy policy : policies) {
			PolicyReads reads = policy.reads();
			principal |= reads.principal;
			resource |= reads.resource;
			entityLiterals |= reads.entityLiterals;
			wholeContext |= reads.wholeContext;
			action |= reads.action;
			attributes.addAll(reads.contextAttributes);
		}
		return new PolicyReads(principal, resource, entityLiterals, wholeContext, Set.copyOf(attributes), action);
	}

	/**
	 * Return whether the request must carry an attribute of {@code context}.
	 * @param name the attribute name
	 * @return whether some policy may read it
	 */
	public boolean readsContext(String name) {
		return this.wholeContext || this.contextAttributes.contains(name);
	}

	/**
	 * Return whether the request must carry the agent and tool entities.
	 * @return whether a policy may read them
	 */
	public boolean readsAgentEntities() {
		return this.principal || this.entityLiterals;
	}

	/**
	 * Return whether the request must carry the trajectory entity.
	 * @return whether a policy may read it
	 */
	public boolean readsTrajectoryEntity() {
		return this.resource || this.entityLiterals;
	}

	private static final class Collector {

		private boolean principal;

		private boolean resource;

		private boolean entityLiterals;

		private boolean wholeContext;

		private boolean action;

		private final Set<String> contextAttributes = new HashSet<>();

		void visit(JsonNode node) {
			if (node.isArray()) {
				node.forEach(this::visit);
				return;
			}
			if (!node.isObject()) {
				return;
			}
			if (node.has("__entity")) {
				this.entityLiterals = true;
				return;
			}
			JsonNode variable = node.get("Var");
			if (variable != null) {
				variable(variable.asText());
				return;
			}
			JsonNode access = node.has(".") ? node.get(".") : node.get("has");
			if (access != null && "context".equals(access.path("left").path("Var").asText(null))) {
				this.contextAttributes.add(access.path("attr").asText());
				return;
			}
			node.forEach(this::visit);
		}

		private void variable(String name) {
			switch (name) {
				case "principal" -> this.principal = true;
				case "resource" -> this.resource = true;
				case "context" -> this.wholeContext = true;
				case "action" -> this.action = true;
				default -> {
				}
			}
		}

	}

}
