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

import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Cedar schema type derived from a JSON schema. Writes itself as Cedar JSON schema;
 * {@link CedarValues} converts JSON values to it.
 *
 * @author Sondera
 */
public sealed interface CedarType {

	JsonNodeFactory JSON = JsonNodeFactory.instance;

	/**
	 * Write this type as a Cedar JSON-schema type.
	 * @return the type object
	 */
	ObjectNode toSchema();

	/** Cedar {@code String}. */
	public record StringType() implements CedarType {

		@Override
		public ObjectNode toSchema() {
			return JSON.objectNode().put("type", "String");
		}

	}

	/** Cedar {@code Long}: JSON schema {@code integer}. */
	public record LongType() implements CedarType {

		@Override
		public ObjectNode toSchema() {
			return JSON.objectNode().put("type", "Long");
		}

	}

	/** Cedar {@code decimal}: JSON schema {@code number}, so no fraction is lost. */
	public record DecimalType() implements CedarType {

		@Override
		public ObjectNode toSchema() {
			return JSON.objectNode().put("type", "Extension").put("name", "decimal");
		}

	}

	/** Cedar {@code Bool}. */
	public record BooleanType() implements CedarType {

		@Override
		public ObjectNode toSchema() {
			return JSON.objectNode().put("type", "Boolean");
		}

	}

	/**
	 * Cedar {@code Set}: JSON schema {@code array}.
	 *
	 * @param element the element type
	 */
	public record SetType(CedarType element) implements CedarType {

		@Override
		public ObjectNode toSchema() {
			ObjectNode node = JSON.objectNode().put("type", "Set");
			node.set("element", this.element.toSchema());
			return node;
		}

	}

	/**
	 * Cedar {@code Record}: JSON schema {@code object}.
	 *
	 * @param attributes the attributes, in declaration order
	 */
	public record RecordType(Map<String, Attribute> attributes) implements CedarType {

		@Override
		public ObjectNode toSchema() {
			ObjectNode node = JSON.objectNode().put("type", "Record");
			ObjectNode attributesNode = node.putObject("attributes");
			this.attributes.forEach((name, attribute) -> {
				if (!attribute.typed()) {
					return;
				}
				ObjectNode type = attribute.type().toSchema();
				if (!attribute.required()) {
					type.put("required", false);
				}
				attributesNode.set(name, type);
			});
			return node;
		}

	}

	/**
	 * A record attribute.
	 *
	 * @param type the type, or {@code null} when the JSON schema gives no single type
	 * (the value is then only visible in the JSON text)
	 * @param required whether the JSON schema lists the property as required
	 */
	public record Attribute(CedarType type, boolean required) {

		public boolean typed() {
			return this.type != null;
		}

	}

}
