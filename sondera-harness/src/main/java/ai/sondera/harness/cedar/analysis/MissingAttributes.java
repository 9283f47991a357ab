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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import ai.sondera.harness.cedar.schema.RequestShape;

/**
 * Finds the attributes a policy tests with {@code has} that do not exist at a checkpoint,
 * to say which attribute makes a policy impossible there (Cedar only says that it is).
 * Each tested path is resolved against the checkpoint's internal schema: {@code context}
 * is the action's context at that stage, {@code principal} the {@code Agent},
 * {@code resource} the {@code Trajectory} or {@code Message}, and an entity literal its
 * entity type.
 *
 * @author Sondera
 */
public final class MissingAttributes {

	private final JsonNode namespace;

	private final String action;

	private final boolean prompt;

	private final String stages;

	private MissingAttributes(JsonNode schema, String namespace, Applicability.Checkpoint checkpoint) {
		this.namespace = schema.path(namespace);
		this.action = checkpoint.action();
		this.prompt = checkpoint.shape() == RequestShape.PROMPT;
		this.stages = String.join("/", checkpoint.shape().stages().stream().map(Object::toString).toList());
	}

	/**
	 * Describe every {@code has} test of a policy whose attribute does not exist at the
	 * checkpoint.
	 * @param ast the policy in Cedar's JSON format
	 * @param schema the checkpoint's schema (JSON)
	 * @param namespace the agent's namespace
	 * @param checkpoint the checkpoint
	 * @return one description per missing attribute, empty if none is found
	 */
	public static List<String> describe(JsonNode ast, JsonNode schema, String namespace, Applicability.Checkpoint checkpoint) {
		MissingAttributes finder = new MissingAttributes(schema, namespace, checkpoint);
		Set<String> found = new LinkedHashSet<>();
		for (JsonNode condition : ast.path("conditions")) {
			finder.visit(condition.path("body"), found);
		}
		return new ArrayList<>(found);
	}

	private void visit(JsonNode node, Set<String> found) {
		if (!node.isContainerNode()) {
			return;
		}
		JsonNode test = node.get("has");
		if (test != null && test.isObject()) {
			JsonNode left = test.path("left");
			JsonNode attributes = attributesOf(left);
			String attribute = test.path("attr").asText();
			if (attributes != null && !attributes.has(attribute)) {
				List<String> existing = new ArrayList<>();
				attributes.fieldNames().forEachRemaining(existing::add);
				String where = (left.has("Var") && !this.prompt) ? this.stages : this.stages + " of " + this.action;
				found.add("'" + path(left) + " has " + attribute + "' is always false: " + path(left)
						+ " has no attribute '" + attribute + "' at " + where + " (it has "
						+ (existing.isEmpty() ? "no attributes" : String.join(", ", existing)) + ")");
			}
		}
		node.forEach((child) -> visit(child, found));
	}

	/**
	 * Return the attributes of the record an expression evaluates to, or {@code null}
	 * when that is not a record this schema describes.
	 */
	private JsonNode attributesOf(JsonNode expression) {
		String variable = expression.path("Var").asText(null);
		if ("context".equals(variable)) {
			JsonNode context = this.namespace.path("actions").path(this.action).path("appliesTo").path("context");
			return context.isMissingNode() ? emptyRecord() : context.path("attributes");
		}
		if ("principal".equals(variable)) {
			return entityAttributes("Agent");
		}
		if ("resource".equals(variable)) {
			return entityAttributes(this.prompt ? "Message" : "Trajectory");
		}
		JsonNode entity = expression.path("Value").path("__entity");
		if (entity.isObject()) {
			String type = entity.path("type").asText();
			return entityAttributes(type.substring(type.lastIndexOf(':') + 1));
		}
		JsonNode access = expression.get(".");
		if (access != null) {
			JsonNode parent = attributesOf(access.path("left"));
			return (parent != null) ? recordAttributes(parent.path(access.path("attr").asText())) : null;
		}
		return null;
	}

	private JsonNode recordAttributes(JsonNode type) {
		if ("Record".equals(type.path("type").asText())) {
			return type.path("attributes");
		}
		if ("Entity".equals(type.path("type").asText())) {
			return entityAttributes(type.path("name").asText());
		}
		return null;
	}

	private JsonNode entityAttributes(String type) {
		JsonNode entity = this.namespace.path("entityTypes").path(type);
		if (entity.isMissingNode() || entity.has("enum")) {
			return entity.isMissingNode() ? null : emptyRecord();
		}
		return entity.path("shape").path("attributes");
	}

	private static JsonNode emptyRecord() {
		return JsonNodeFactory.instance.objectNode();
	}

	private static String path(JsonNode expression) {
		String variable = expression.path("Var").asText(null);
		if (variable != null) {
			return variable;
		}
		JsonNode entity = expression.path("Value").path("__entity");
		if (entity.isObject()) {
			return entity.path("type").asText() + "::\"" + entity.path("id").asText() + "\"";
		}
		JsonNode access = expression.get(".");
		if (access != null) {
			return path(access.path("left")) + "." + access.path("attr").asText();
		}
		return "an expression";
	}

}
