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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.Decimal;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

import ai.sondera.harness.cedar.schema.CedarType.Attribute;
import ai.sondera.harness.cedar.schema.CedarType.BooleanType;
import ai.sondera.harness.cedar.schema.CedarType.DecimalType;
import ai.sondera.harness.cedar.schema.CedarType.LongType;
import ai.sondera.harness.cedar.schema.CedarType.RecordType;
import ai.sondera.harness.cedar.schema.CedarType.SetType;
import ai.sondera.harness.cedar.schema.CedarType.StringType;

/**
 * Converts JSON values (as Java objects) to Cedar values of a {@link CedarType}. Nothing
 * is coerced in a way that could change a policy's answer: a fraction is never dropped,
 * a number is never read from a string, and a value that does not fit its type is
 * reported, so the caller can deny the request.
 *
 * @author Sondera
 */
public final class CedarValues {

	private static final BigDecimal DECIMAL_MAX = new BigDecimal("922337203685477.5807");

	private static final BigDecimal DECIMAL_MIN = new BigDecimal("-922337203685477.5808");

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private CedarValues() {
	}

	/**
	 * Convert a value.
	 * @param type the target type
	 * @param value the JSON value
	 * @param path the value's name in error messages, such as {@code amount}
	 * @return the Cedar value
	 * @throws InvalidValueException if the value does not fit the type
	 */
	public static Value convert(CedarType type, Object value, String path) {
		if (value == null) {
			throw new InvalidValueException("'" + path + "' is null, but the schema requires "
					+ describe(type));
		}
		if (type instanceof StringType) {
			if (value instanceof CharSequence text) {
				return new PrimString(text.toString());
			}
		}
		else if (type instanceof LongType) {
			return toLong(value, path);
		}
		else if (type instanceof DecimalType) {
			return toDecimal(value, path);
		}
		else if (type instanceof BooleanType) {
			if (value instanceof Boolean bool) {
				return new PrimBool(bool);
			}
		}
		else if (type instanceof SetType set) {
			if (value instanceof Iterable<?> items) {
				List<Value> values = new ArrayList<>();
				int index = 0;
				for (Object item : items) {
					values.add(convert(set.element(), item, path + "[" + index++ + "]"));
				}
				return new CedarList(values);
			}
		}
		else if (type instanceof RecordType record) {
			if (value instanceof Map<?, ?> map) {
				return toRecord(record, map, path);
			}
		}
		throw new InvalidValueException("'" + path + "' must be " + describe(type) + " but was " + jsonKind(value));
	}

	/**
	 * Convert a JSON object to a record: every property must be declared, every required
	 * one present; properties without a Cedar type are skipped.
	 * @param type the record type
	 * @param map the JSON object
	 * @param path the object's name in error messages, or empty for the top level
	 * @return the Cedar record
	 */
	public static CedarMap toRecord(RecordType type, Map<?, ?> map, String path) {
		Map<String, Value> values = new HashMap<>();
		String prefix = path.isEmpty() ? "" : path + ".";
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String name = String.valueOf(entry.getKey());
			Attribute attribute = type.attributes().get(name);
			if (attribute == null) {
				throw new InvalidValueException("unexpected argument '" + prefix + name + "'; the schema declares "
						+ type.attributes().keySet());
			}
			if (attribute.typed() && !(entry.getValue() == null && !attribute.required())) {
				values.put(name, convert(attribute.type(), entry.getValue(), prefix + name));
			}
		}
		type.attributes().forEach((name, attribute) -> {
			if (attribute.required() && map.get(name) == null) {
				throw new InvalidValueException("missing required argument '" + prefix + name + "'");
			}
		});
		return new CedarMap(values);
	}

	private static Value toLong(Object value, String path) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return new PrimLong(((Number) value).longValue());
		}
		BigDecimal number = toBigDecimal(value);
		if (number != null) {
			if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
				throw new InvalidValueException("'" + path + "' must be an integer but was " + value
						+ "; declare it as \"number\" in the tool's JSON schema to allow fractions");
			}
			if (number.compareTo(LONG_MAX) > 0 || number.compareTo(LONG_MIN) < 0) {
				throw new InvalidValueException("'" + path + "' = " + value + " is outside Cedar's Long range");
			}
			return new PrimLong(number.longValueExact());
		}
		throw new InvalidValueException("'" + path + "' must be an integer but was " + jsonKind(value));
	}

	private static Value toDecimal(Object value, String path) {
		BigDecimal number = toBigDecimal(value);
		if (number == null) {
			throw new InvalidValueException("'" + path + "' must be a number but was " + jsonKind(value));
		}
		BigDecimal stripped = number.stripTrailingZeros();
		if (stripped.scale() > 4) {
			throw new InvalidValueException("'" + path + "' = " + value
					+ " has more than 4 decimal places, which a Cedar decimal cannot hold without rounding");
		}
		if (number.compareTo(DECIMAL_MAX) > 0 || number.compareTo(DECIMAL_MIN) < 0) {
			throw new InvalidValueException("'" + path + "' = " + value + " is outside Cedar's decimal range");
		}
		String text = stripped.setScale(Math.max(1, stripped.scale())).toPlainString();
		return new Decimal(text);
	}

	private static BigDecimal toBigDecimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			return Double.isFinite(number) ? new BigDecimal(Double.toString(number)) : null;
		}
		if (value instanceof Number number) {
			return BigDecimal.valueOf(number.longValue());
		}
		return null;
	}

	private static String describe(CedarType type) {
		if (type instanceof StringType) {
			return "a string";
		}
		if (type instanceof LongType) {
			return "an integer";
		}
		if (type instanceof DecimalType) {
			return "a number";
		}
		if (type instanceof BooleanType) {
			return "a boolean";
		}
		if (type instanceof SetType) {
			return "an array";
		}
		return "an object";
	}

	private static String jsonKind(Object value) {
		if (value instanceof CharSequence) {
			return "a string";
		}
		if (value instanceof Number) {
			return "the number " + value;
		}
		if (value instanceof Boolean) {
			return "a boolean";
		}
		if (value instanceof Map) {
			return "an object";
		}
		if (value instanceof Iterable) {
			return "an array";
		}
		return "a " + value.getClass().getSimpleName();
	}

	/**
	 * A value that does not fit its schema type.
	 */
	public static final class InvalidValueException extends RuntimeException {

		public InvalidValueException(String message) {
			super(message);
		}

	}

}
