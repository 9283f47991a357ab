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
package ai.sondera.harness.cedar.schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.sondera.harness.cedar.schema.CedarType.Attribute;
import ai.sondera.harness.cedar.schema.CedarType.BooleanType;
import ai.sondera.harness.cedar.schema.CedarType.DecimalType;
import ai.sondera.harness.cedar.schema.CedarType.LongType;
import ai.sondera.harness.cedar.schema.CedarType.RecordType;
import ai.sondera.harness.cedar.schema.CedarType.SetType;
import ai.sondera.harness.cedar.schema.CedarType.StringType;

/**
 * Maps a tool's JSON schema to a Cedar type, as the Sondera SDK does, with two
 * deliberate differences: {@code number} becomes Cedar {@code decimal} (the SDK's
 * {@code Long} truncates {@code 10000.5}), and a property whose type cannot be expressed
 * in Cedar ({@code anyOf}, several types) is left out of the record instead of becoming
 * an empty record; such a value stays visible in {@code parameters_json}.
 *
 * <p>
 * Type names are compared case-insensitively; a missing {@code type} means
 * {@code object}; a type list with {@code "null"} and one other type means that type
 * (optional); an {@code object} without {@code properties} (a map) and an {@code array}
 * whose items have no Cedar type have no Cedar type either.
 *
 * @author Sondera
 */
public final class JsonSchemaTypes {

	// Tool schemas are parsed again whenever an agent gains a tool: remember the results.
	private static final Map<String, Optional<CedarType>> PARSED = new ConcurrentHashMap<>();

	private static final int MAX_PARSED = 10_000;

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private JsonSchemaTypes() {
	}

	/**
	 * Parse a JSON schema text and map it.
	 * @param schema the JSON schema, or {@code null} or blank
	 * @param what what the schema is for, for error messages
	 * @return the Cedar type, or {@code null} if there is no schema or it has no Cedar
	 * type
	 */
	public static CedarType parse(String schema, String what) {
		if (schema == null || schema.isBlank()) {
			return null;
		}
		Optional<CedarType> known = PARSED.get(schema);
		if (known != null) {
			return known.orElse(null);
		}
		try {
			CedarType type = map(MAPPER.readTree(schema));
			if (PARSED.size() >= MAX_PARSED) {
				PARSED.clear();
			}
			PARSED.put(schema, Optional.ofNullable(type));
			return type;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The JSON schema of " + what + " is not valid JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	public static CedarType map(JsonNode schema) {
		if (!schema.isObject()) {
			return new StringType();
		}
		String type = typeOf(schema);
		if (type == null) {
			return null;
		}
		return switch (type) {
			// An object with no declared properties is a map of any keys: it has no Cedar
			// record type; its value stays visible in the JSON text.
			case "object" -> schema.has("properties") ? record(schema) : null;
			case "array" -> set(schema);
			case "integer" -> new LongType();
			case "number" -> new DecimalType();
			case "boolean" -> new BooleanType();
			default -> new StringType();
		};
	}

	private static CedarType set(JsonNode schema) {
		CedarType element = schema.has("items") ? map(schema.get("items")) : null;
		return (element != null) ? new SetType(element) : null;
	}

	private static RecordType record(JsonNode schema) {
		Set<String> required = new HashSet<>();
		schema.path("required").forEach((name) -> required.add(name.asText()));
		Map<String, Attribute> attributes = new LinkedHashMap<>();
		schema.path("properties").properties().forEach((property) -> {
			JsonNode propertySchema = property.getValue();
			boolean nullable = typeList(propertySchema) && hasNull(propertySchema.get("type"));
			attributes.put(property.getKey(),
					new Attribute(map(propertySchema), required.contains(property.getKey()) && !nullable));
		});
		return new RecordType(attributes);
	}

	private static String typeOf(JsonNode schema) {
		JsonNode type = schema.get("type");
		if (type == null) {
			if (schema.has("anyOf") || schema.has("oneOf") || schema.has("allOf") || schema.has("$ref")) {
				return null;
			}
			if (schema.has("enum") || schema.has("const")) {
				return "string";
			}
			return "object";
		}
		if (type.isArray()) {
			String single = null;
			for (JsonNode item : type) {
				if (!"null".equalsIgnoreCase(item.asText())) {
					if (single != null) {
						return null;
					}
					single = item.asText().toLowerCase(Locale.ROOT);
				}
			}
			return single;
		}
		return type.asText().toLowerCase(Locale.ROOT);
	}

	private static boolean typeList(JsonNode schema) {
		return schema.isObject() && schema.path("type").isArray();
	}

	private static boolean hasNull(JsonNode types) {
		for (JsonNode item : types) {
			if ("null".equalsIgnoreCase(item.asText())) {
				return true;
			}
		}
		return false;
	}

}
