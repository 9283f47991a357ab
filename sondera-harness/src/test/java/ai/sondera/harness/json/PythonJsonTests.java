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

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PythonJson} writes what CPython's {@code json.dumps} writes (expected values
 * produced with CPython 3.11).
 */
class PythonJsonTests {

	@Test
	void separatorsAndKeyOrderMatchJsonDumps() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("command", "rm -rf /");
		arguments.put("timeout", 30);
		arguments.put("flags", List.of(true, false));
		arguments.put("env", null);
		assertThat(PythonJson.write(arguments))
			.isEqualTo("{\"command\": \"rm -rf /\", \"timeout\": 30, \"flags\": [true, false], \"env\": null}");
		assertThat(PythonJson.write(Map.of())).isEqualTo("{}");
		assertThat(PythonJson.write(List.of())).isEqualTo("[]");
	}

	@Test
	void nonAsciiAndControlCharactersAreEscaped() {
		assertThat(PythonJson.write("caf\u00e9 \u20ac \ud83d\ude00")).isEqualTo("\"caf\\u00e9 \\u20ac \\ud83d\\ude00\"");
		assertThat(PythonJson.write("a\"b\\c\nd\te\u0001/")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001/\"");
		assertThat(PythonJson.write("\u007f")).isEqualTo("\"\\u007f\"");
	}

	@Test
	void floatsAreWrittenAsPythonRepr() {
		assertThat(Arrays.asList(1.0, 0.1, 10000.5, 1e-05, 0.0001, 1e16, 1e15, 123456789012345678.0, -2.5, 1.5e-10,
				Double.NaN, Double.POSITIVE_INFINITY, -0.0)
			.stream()
			.map(PythonJson::write)
			.toList()).containsExactly("1.0", "0.1", "10000.5", "1e-05", "0.0001", "1e+16", "1000000000000000.0",
					"1.2345678901234568e+17", "-2.5", "1.5e-10", "NaN", "Infinity", "-0.0");
		assertThat(PythonJson.write(new BigDecimal("2.50"))).isEqualTo("2.5");
	}

	@Test
	void jacksonTreesAndOtherObjects() throws Exception {
		assertThat(PythonJson.write(new ObjectMapper().readTree("{\"b\":1,\"a\":[1.5,\"x\"]}")))
			.isEqualTo("{\"b\": 1, \"a\": [1.5, \"x\"]}");
		assertThat(PythonJson.write(java.time.LocalDate.of(2026, 1, 2))).isEqualTo("\"2026-01-02\"");
	}

	@Test
	void indentedFormMatchesJsonDumpsIndent2() {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", "a");
		entry.put("tools", List.of(1, 2));
		entry.put("empty", List.of());
		assertThat(PythonJson.writeIndented(List.of(entry), 2))
			.isEqualTo("[\n  {\n    \"id\": \"a\",\n    \"tools\": [\n      1,\n      2\n    ],\n    \"empty\": []\n  }\n]");
	}

}
