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
package ai.sondera.harness;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a policy that determined a decision says about itself, read from its annotations.
 *
 * @param id the policy's {@code @id}
 * @param description the policy's {@code @reason} (or {@code @description}), or empty
 * @param escalate whether the policy has {@code @escalate}
 * @param escalateArg the {@code @escalate("...")} argument, or empty
 * @param custom every other annotation, sorted by name
 * @author Sondera
 */
public record PolicyMetadata(String id, String description, boolean escalate, String escalateArg,
		Map<String, String> custom) {

	public PolicyMetadata {
		Objects.requireNonNull(id, "'id' must not be null");
		description = (description != null) ? description : "";
		escalateArg = (escalateArg != null) ? escalateArg : "";
		custom = (custom != null) ? Collections.unmodifiableMap(new TreeMap<>(custom)) : Map.of();
	}

	/**
	 * Render as the Sondera SDK does in reasons: {@code [id] description (escalate: arg)
	 * (key=value, ...)}, each part only when present.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("[").append(this.id).append(']');
		if (!this.description.isEmpty()) {
			text.append(' ').append(this.description);
		}
		if (this.escalate) {
			text.append(this.escalateArg.isEmpty() ? " (escalate)" : " (escalate: " + this.escalateArg + ")");
		}
		if (!this.custom.isEmpty()) {
			text.append(this.custom.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.collect(Collectors.joining(", ", " (", ")")));
		}
		return text.toString();
	}

}
