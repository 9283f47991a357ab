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
package ai.sondera.harness.json;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON a model or a tool produced into the Java values the harness adjudicates:
 * objects keep their key order (the order of {@code parameters_json}), integers stay
 * exact ({@link Integer}, {@link Long} or {@link java.math.BigInteger}, never truncated)
 * and fractions are {@link Double}.
 *
 * @author Sondera
 */
public final class ModelJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
	};

	private ModelJson() {
	}

	/**
	 * Read tool arguments as the model sent them.
	 * @param json the JSON text; {@code null} or blank means no arguments
	 * @return the arguments, in the model's key order
	 * @throws IllegalArgumentException if the text is not a JSON object
	 */
	public static Map<String, Object> readArguments(String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		try {
			Map<String, Object> arguments = MAPPER.readValue(json, OBJECT);
			if (arguments == null) {
				throw new IllegalArgumentException("tool arguments are not a JSON object: null");
			}
			return arguments;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("tool arguments are not a JSON object: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Read a tool result as JSON when it is JSON, so that {@code context.response} is
	 * typed; otherwise keep the text.
	 * @param text the result
	 * @return the JSON value, or the text itself
	 */
	public static Object readResult(String text) {
		if (text == null) {
			return null;
		}
		try {
			return MAPPER.readValue(text, Object.class);
		}
		catch (JsonProcessingException ex) {
			return text;
		}
	}

	/**
	 * Turn a Java object a tool returned (a record, a bean, a collection) into the JSON
	 * values the harness adjudicates, as Jackson would write it.
	 * @param value the object
	 * @return its JSON value
	 */
	public static Object toJsonValue(Object value) {
		return MAPPER.convertValue(value, Object.class);
	}

}
