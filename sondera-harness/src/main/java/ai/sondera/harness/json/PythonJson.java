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
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes JSON exactly as CPython's {@code json.dumps} does with its default options, so
 * that {@code like} patterns written for the Sondera Python SDK match the same text:
 * {@code ", "} and {@code ": "} separators, keys in map order, every non-ASCII character
 * as a lower-case backslash-u escape, floats in Python {@code repr} form
 * ({@code 1.0}, {@code 1e-05}, {@code 1e+16}).
 *
 * <p>
 * Values are JSON values as Java objects: {@link Map}, {@link Iterable} or array,
 * {@link CharSequence}, {@link Number}, {@link Boolean}, {@code null} and Jackson
 * {@link JsonNode}. Anything else is written as the JSON string of its
 * {@code toString()}, as {@code json.dumps(..., default=str)} does.
 *
 * @author Sondera
 */
public final class PythonJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private PythonJson() {
	}

	/**
	 * Write a value on one line, as {@code json.dumps(value)}.
	 * @param value the value
	 * @return the JSON text
	 */
	public static String write(Object value) {
		StringBuilder out = new StringBuilder(64);
		writeValue(out, value, -1, 0);
		return out.toString();
	}

	/**
	 * Write a value indented, as {@code json.dumps(value, indent=indent)} (items end with
	 * {@code ","}, keys with {@code ": "}).
	 * @param value the value
	 * @param indent the number of spaces per level
	 * @return the JSON text
	 */
	public static String writeIndented(Object value, int indent) {
		StringBuilder out = new StringBuilder(256);
		writeValue(out, value, indent, 0);
		return out.toString();
	}

	private static void writeValue(StringBuilder out, Object value, int indent, int depth) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof CharSequence text) {
			writeString(out, text);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool ? "true" : "false");
		}
		else if (value instanceof Number number) {
			writeNumber(out, number);
		}
		else if (value instanceof Map<?, ?> map) {
			writeMap(out, map, indent, depth);
		}
		else if (value instanceof JsonNode node) {
			writeValue(out, MAPPER.convertValue(node, Object.class), indent, depth);
		}
		else if (value instanceof Iterable<?> iterable) {
			writeArray(out, iterable.iterator(), indent, depth);
		}
		else if (value instanceof Object[] array) {
			writeArray(out, java.util.Arrays.asList(array).iterator(), indent, depth);
		}
		else {
			writeString(out, value.toString());
		}
	}

	private static void writeMap(StringBuilder out, Map<?, ?> map, int indent, int depth) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		out.append('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			separate(out, first, indent, depth + 1);
			first = false;
			writeString(out, String.valueOf(entry.getKey()));
			out.append(": ");
			writeValue(out, entry.getValue(), indent, depth + 1);
		}
		close(out, indent, depth);
		out.append('}');
	}

	private static void writeArray(StringBuilder out, Iterator<?> items, int indent, int depth) {
		if (!items.hasNext()) {
			out.append("[]");
			return;
		}
		out.append('[');
		boolean first = true;
		while (items.hasNext()) {
			separate(out, first, indent, depth + 1);
			first = false;
			writeValue(out, items.next(), indent, depth + 1);
		}
		close(out, indent, depth);
		out.append(']');
	}

	private static void separate(StringBuilder out, boolean first, int indent, int depth) {
		if (indent < 0) {
			if (!first) {
				out.append(", ");
			}
			return;
		}
		if (!first) {
			out.append(',');
		}
		out.append('\n').append(" ".repeat(indent * depth));
	}

	private static void close(StringBuilder out, int indent, int depth) {
		if (indent >= 0) {
			out.append('\n').append(" ".repeat(indent * depth));
		}
	}

	private static void writeNumber(StringBuilder out, Number number) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
				|| number instanceof BigInteger) {
			out.append(number);
		}
		else {
			out.append(pythonFloat(number.doubleValue()));
		}
	}

	/**
	 * Format a double as Python's {@code repr(float)}: the shortest digits, positional
	 * notation for decimal exponents from -4 to 15, scientific notation otherwise.
	 * @param value the value
	 * @return the Python text
	 */
	static String pythonFloat(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "Infinity" : "-Infinity";
		}
		if (value == 0) {
			return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
		}
		BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		String digits = decimal.unscaledValue().abs().toString();
		int exponent = digits.length() - 1 - decimal.scale();
		String sign = (value < 0) ? "-" : "";
		if (exponent >= -4 && exponent < 16) {
			String plain = decimal.abs().toPlainString();
			return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
		}
		String mantissa = (digits.length() > 1) ? digits.charAt(0) + "." + digits.substring(1) : digits;
		int magnitude = Math.abs(exponent);
		return sign + mantissa + "e" + ((exponent < 0) ? '-' : '+') + ((magnitude < 10) ? "0" : "") + magnitude;
	}

	private static void writeString(StringBuilder out, CharSequence text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
