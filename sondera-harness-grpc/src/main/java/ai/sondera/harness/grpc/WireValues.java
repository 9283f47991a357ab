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
package ai.sondera.harness.grpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import ai.sondera.harness.json.PythonJson;

/**
 * JSON values of the core API ({@link String}, {@link Number}, {@link Boolean},
 * {@link List}, {@link Map}, {@code null}) to and from {@code google.protobuf.Value}, with
 * the Sondera SDK's rules: numbers travel as doubles, an empty map or list travels as a
 * {@code Value} with no kind set, and a tool response that is neither a map nor a list
 * travels as the text Python would print for it. Reading back, a whole number within the
 * range of {@code long} becomes a {@link Long} again, so integer parameters stay integers.
 *
 * @author Sondera
 */
public final class WireValues {

	private static final double LONG_RANGE = 0x1p63;

	private WireValues() {
	}

	/**
	 * Write tool arguments: a {@code struct_value}, or no kind set when there are none.
	 * @param arguments the arguments
	 * @return the value
	 */
	public static Value arguments(Map<String, Object> arguments) {
		return arguments.isEmpty() ? Value.getDefaultInstance() : value(arguments);
	}

	/**
	 * Write a tool response as the SDK does: a map as {@code struct_value}, a list as
	 * {@code list_value} (no kind when empty), anything else as the text Python prints.
	 * @param response the response
	 * @return the value
	 */
	public static Value response(Object response) {
		if (response instanceof Map<?, ?> map) {
			return map.isEmpty() ? Value.getDefaultInstance() : value(map);
		}
		if (response instanceof List<?> list) {
			return list.isEmpty() ? Value.getDefaultInstance() : value(list);
		}
		return Value.newBuilder().setStringValue(pythonText(response)).build();
	}

	/**
	 * Write any JSON value.
	 * @param json the value
	 * @return the protobuf value
	 */
	public static Value value(Object json) {
		Value.Builder value = Value.newBuilder();
		if (json == null) {
			value.setNullValue(NullValue.NULL_VALUE);
		}
		else if (json instanceof String text) {
			value.setStringValue(text);
		}
		else if (json instanceof Boolean bool) {
			value.setBoolValue(bool);
		}
		else if (json instanceof Number number) {
			value.setNumberValue(number.doubleValue());
		}
		else if (json instanceof Map<?, ?> map) {
			Struct.Builder struct = Struct.newBuilder();
			map.forEach((key, item) -> struct.putFields(String.valueOf(key), value(item)));
			value.setStructValue(struct);
		}
		else if (json instanceof Iterable<?> items) {
			ListValue.Builder list = ListValue.newBuilder();
			items.forEach((item) -> list.addValues(value(item)));
			value.setListValue(list);
		}
		else {
			value.setStringValue(json.toString());
		}
		return value.build();
	}

	/**
	 * Read tool arguments: a struct (no kind set means none).
	 * @param value the value
	 * @return the arguments, in wire order
	 * @throws IllegalArgumentException if the value is neither a struct nor empty
	 */
	public static Map<String, Object> readArguments(Value value) {
		if (value.getKindCase() == Value.KindCase.KIND_NOT_SET) {
			return Map.of();
		}
		if (value.getKindCase() != Value.KindCase.STRUCT_VALUE) {
			throw new IllegalArgumentException("tool arguments must be an object, but were " + value.getKindCase());
		}
		return readStruct(value.getStructValue());
	}

	/**
	 * Read any value; a value with no kind set reads as {@code null}.
	 * @param value the protobuf value
	 * @return the JSON value
	 * @throws IllegalArgumentException if a number is not finite (JSON has no NaN)
	 */
	public static Object read(Value value) {
		return switch (value.getKindCase()) {
			case NULL_VALUE, KIND_NOT_SET -> null;
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> value.getBoolValue();
			case NUMBER_VALUE -> number(value.getNumberValue());
			case STRUCT_VALUE -> readStruct(value.getStructValue());
			case LIST_VALUE -> {
				List<Object> list = new ArrayList<>(value.getListValue().getValuesCount());
				value.getListValue().getValuesList().forEach((item) -> list.add(read(item)));
				yield list;
			}
		};
	}

	private static Map<String, Object> readStruct(Struct struct) {
		Map<String, Object> map = new LinkedHashMap<>();
		struct.getFieldsMap().forEach((key, item) -> map.put(key, read(item)));
		return map;
	}

	private static Number number(double number) {
		if (Double.isNaN(number) || Double.isInfinite(number)) {
			throw new IllegalArgumentException("a number must be finite, but was " + number);
		}
		if (number == Math.rint(number) && Math.abs(number) < LONG_RANGE) {
			return (long) number;
		}
		return number;
	}

	/**
	 * Return the text Python's {@code str()} gives for a scalar: {@code None},
	 * {@code True}/{@code False}, numbers as Python writes them.
	 */
	static String pythonText(Object value) {
		if (value == null) {
			return "None";
		}
		if (value instanceof Boolean bool) {
			return bool ? "True" : "False";
		}
		if (value instanceof Number) {
			return PythonJson.write(value);
		}
		return value.toString();
	}

}
