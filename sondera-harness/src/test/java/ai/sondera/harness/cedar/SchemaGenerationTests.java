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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Tool;
import ai.sondera.harness.Trajectory;

import static ai.sondera.harness.cedar.Harnesses.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Cedar schema generated from an agent's tools, and how arguments are typed by it.
 */
class SchemaGenerationTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Agent CODING_AGENT = new Agent("coding-agent-1", "langchain", "CodingAgent", "", "",
			List.of(new Tool("read_file", "Read a file",
					"{\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}, \"required\": [\"path\"]}",
					"{\"type\": \"object\", \"properties\": {\"content\": {\"type\": \"string\"}, \"size\": {\"type\": \"integer\"}}}"),
					Tool.of("write_file", "Write a file", """
							{"type": "object", "properties": {"path": {"type": "string"}, "content": {"type": "string"}},
							 "required": ["path", "content"]}"""),
					Tool.of("execute_command", "Run a command", """
							{"type": "object", "properties": {"command": {"type": "string"}, "timeout": {"type": "integer"}},
							 "required": ["command"]}"""),
					Tool.of("search_code", "Search", """
							{"type": "object", "properties": {"pattern": {"type": "string"}, "directory": {"type": "string"}},
							 "required": ["pattern"]}""")));

	@Test
	void publicSchemaMatchesTheSdkFixture() throws Exception {
		JsonNode expected = MAPPER.readTree("""
				{"CodingAgent": {
				  "entityTypes": {
				    "Agent": {"shape": {"type": "Record", "attributes": {
				      "name": {"type": "String"},
				      "provider_id": {"type": "String"},
				      "tools": {"type": "Set", "element": {"type": "Entity", "name": "Tool"}}}}},
				    "Tool": {"shape": {"type": "Record", "attributes": {
				      "name": {"type": "String"},
				      "description": {"type": "String"}}}},
				    "Role": {"enum": ["user", "model", "system", "tool"]},
				    "Message": {"memberOfTypes": ["Trajectory"], "shape": {"type": "Record", "attributes": {
				      "content": {"type": "String"},
				      "role": {"type": "Entity", "name": "Role"}}}},
				    "Trajectory": {"shape": {"type": "Record", "attributes": {
				      "step_count": {"type": "Long"}}}}
				  },
				  "actions": {
				    "read_file": {"appliesTo": {"principalTypes": ["Agent"], "resourceTypes": ["Trajectory"],
				      "context": {"type": "Record", "attributes": {
				        "parameters": {"type": "Record", "required": false, "attributes": {
				          "path": {"type": "String"}}},
				        "parameters_json": {"type": "String", "required": false},
				        "response": {"type": "Record", "required": false, "attributes": {
				          "content": {"type": "String", "required": false},
				          "size": {"type": "Long", "required": false}}},
				        "response_json": {"type": "String", "required": false}}}}},
				    "write_file": {"appliesTo": {"principalTypes": ["Agent"], "resourceTypes": ["Trajectory"],
				      "context": {"type": "Record", "attributes": {
				        "parameters": {"type": "Record", "required": false, "attributes": {
				          "path": {"type": "String"}, "content": {"type": "String"}}},
				        "parameters_json": {"type": "String", "required": false},
				        "response_json": {"type": "String", "required": false}}}}},
				    "execute_command": {"appliesTo": {"principalTypes": ["Agent"], "resourceTypes": ["Trajectory"],
				      "context": {"type": "Record", "attributes": {
				        "parameters": {"type": "Record", "required": false, "attributes": {
				          "command": {"type": "String"},
				          "timeout": {"type": "Long", "required": false}}},
				        "parameters_json": {"type": "String", "required": false},
				        "response_json": {"type": "String", "required": false}}}}},
				    "search_code": {"appliesTo": {"principalTypes": ["Agent"], "resourceTypes": ["Trajectory"],
				      "context": {"type": "Record", "attributes": {
				        "parameters": {"type": "Record", "required": false, "attributes": {
				          "pattern": {"type": "String"},
				          "directory": {"type": "String", "required": false}}},
				        "parameters_json": {"type": "String", "required": false},
				        "response_json": {"type": "String", "required": false}}}}},
				    "Prompt": {"appliesTo": {"principalTypes": ["Agent"], "resourceTypes": ["Message"]}}
				  }
				}}""");
		CedarPolicyHarness harness = Harnesses.of("@id(\"a\") permit(principal, action, resource);", CODING_AGENT);
		assertThat(harness.schema(CODING_AGENT)).isEqualTo(expected);
	}

	@Test
	void namespaceAndActionsReplaceSpacesAndHyphens() {
		Agent agent = new Agent("a1", "p", "My Test-Agent", "", "",
				List.of(Tool.of("my-special tool", "", null)));
		CedarPolicyHarness harness = Harnesses.of("""
				@id("special") permit(principal, action == My_Test_Agent::Action::"my_special_tool", resource);
				""", agent);
		JsonNode schema = harness.schema(agent);
		assertThat(schema.has("My_Test_Agent")).isTrue();
		assertThat(schema.get("My_Test_Agent").get("actions").has("my_special_tool")).isTrue();
		Trajectory trajectory = harness.initialize(agent, null);
		assertThat(toolCall(trajectory, "my-special tool", Map.of()).isAllowed()).isTrue();
	}

	@Test
	void typesAreMappedFromJsonSchema() {
		Agent agent = new Agent("a1", "p", "Typed", "", "", List.of(Tool.of("t", "", """
				{"type": "OBJECT", "properties": {
				   "s": {"type": "string", "enum": ["a", "b"]}, "i": {"type": "Integer"}, "n": {"type": "number"},
				   "b": {"type": "boolean"}, "tags": {"type": "array", "items": {"type": "string"}},
				   "nested": {"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"]},
				   "maybe": {"type": ["string", "null"]}, "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
				 "required": ["s", "maybe"]}""")));
		CedarPolicyHarness harness = Harnesses.of("@id(\"a\") permit(principal, action, resource);", agent);
		JsonNode attributes = harness.schema(agent)
			.at("/Typed/actions/t/appliesTo/context/attributes/parameters/attributes");
		assertThat(attributes.get("s").toString()).isEqualTo("{\"type\":\"String\"}");
		assertThat(attributes.get("i").toString()).isEqualTo("{\"type\":\"Long\",\"required\":false}");
		assertThat(attributes.get("n").toString())
			.isEqualTo("{\"type\":\"Extension\",\"name\":\"decimal\",\"required\":false}");
		assertThat(attributes.get("b").get("type").asText()).isEqualTo("Boolean");
		assertThat(attributes.get("tags").toString())
			.isEqualTo("{\"type\":\"Set\",\"element\":{\"type\":\"String\"},\"required\":false}");
		assertThat(attributes.get("nested").get("attributes").get("x").toString()).isEqualTo("{\"type\":\"Long\"}");
		assertThat(attributes.get("maybe").toString()).isEqualTo("{\"type\":\"String\",\"required\":false}");
		assertThat(attributes.has("either")).isFalse();
	}

	@Test
	void mapsAndUntypedArraysAreLeftToParametersJson() {
		Agent agent = new Agent("a1", "p", "Http", "", "", List.of(Tool.of("call", "", """
				{"type": "object", "properties": {
				   "url": {"type": "string"}, "headers": {"type": "object"}, "anything": {"type": "array"}},
				 "required": ["url"], "additionalProperties": false}""")));
		CedarPolicyHarness harness = Harnesses.of("""
				@id("allow-all") permit(principal, action, resource);
				@id("no-secrets-in-headers") forbid(principal, action == Http::Action::"call", resource)
				when { context.parameters_json like "*Authorization*" };
				""", agent);
		JsonNode attributes = harness.schema(agent)
			.at("/Http/actions/call/appliesTo/context/attributes/parameters/attributes");
		assertThat(attributes.has("url")).isTrue();
		assertThat(attributes.has("headers")).isFalse();
		assertThat(attributes.has("anything")).isFalse();
		Trajectory trajectory = harness.initialize(agent, null);
		assertThat(toolCall(trajectory, "call",
				Map.of("url", "https://example.com", "headers", Map.of("Accept", "json"), "anything", List.of(1, "a")))
			.isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "call",
				Map.of("url", "https://example.com", "headers", Map.of("Authorization", "secret"))).isDenied())
			.isTrue();
		assertThat(toolCall(trajectory, "call", Map.of("url", "https://example.com", "body", "x")).reason())
			.contains("unexpected argument 'body'");
	}

	@Test
	void fractionalAmountIsNotTruncatedForANumberArgument() {
		Trajectory trajectory = Harnesses.start("""
				@id("allow-all") permit(principal, action, resource);
				// JSON schema "number" is a Cedar decimal: compare with greaterThan/lessThan.
				@id("pay-limit") @reason("Payments over 10000 are not allowed")
				forbid(principal, action == MyAgent::Action::"Pay", resource)
				when { context.parameters.amount.greaterThan(decimal("10000.0")) };
				""");
		assertThat(toolCall(trajectory, "Pay", Map.of("amount", 10000.5)).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "Pay", Map.of("amount", new BigDecimal("10000.0001"))).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "Pay", Map.of("amount", 10001)).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "Pay", Map.of("amount", 10000)).isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "Pay", Map.of("amount", 9999.99)).isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "Pay", Map.of("amount", 10000.00001)).reason())
			.contains("more than 4 decimal places");
		assertThat(toolCall(trajectory, "Pay", Map.of("amount", "10001")).reason()).contains("must be a number");
	}

	@Test
	void fractionalAmountForAnIntegerArgumentIsDeniedNotTruncated() {
		Trajectory trajectory = Harnesses.start("""
				@id("allow-all") permit(principal, action, resource);
				@id("spending-limit")
				forbid(principal, action == MyAgent::Action::"Transfer", resource)
				when { context has parameters && context.parameters has amount && context.parameters.amount > 10000 };
				""");
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 10000)).isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 10001)).isDenied()).isTrue();
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 10000.0)).isAllowed()).isTrue();
		assertThat(toolCall(trajectory, "Transfer", Map.of("amount", 10000.5)).reason())
			.contains("'amount' must be an integer but was 10000.5");
	}

	@Test
	void toolsThatClashOrShadowPromptAreRejected() {
		Agent clash = new Agent("a", "p", "Clash", "", "", List.of(Tool.of("a-b", "", null), Tool.of("a b", "", null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Harnesses.of("@id(\"a\") permit(principal, action, resource);", clash))
			.withMessageContaining("'a-b' and 'a b'");
		Agent prompt = new Agent("a", "p", "Shadow", "", "", List.of(Tool.of("Prompt", "", null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Harnesses.of("@id(\"a\") permit(principal, action, resource);", prompt))
			.withMessageContaining("reserved");
		Agent badName = new Agent("a", "p", "agents/p1", "", "", List.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Harnesses.of("@id(\"a\") permit(principal, action, resource);", badName))
			.withMessageContaining("not a Cedar identifier");
	}

}
