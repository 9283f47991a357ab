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
package ai.sondera.harness.policy;

import java.util.List;

import ai.sondera.harness.PolicyMetadata;

/**
 * A loaded policy as the harness applies it: where it comes from and the (action, stage)
 * pairs it is evaluated for.
 *
 * @param metadata the policy's annotations
 * @param effect {@code permit} or {@code forbid}
 * @param origin the file or resource
 * @param line the 1-based line where the policy starts
 * @param appliesTo the checkpoints it is evaluated at, such as {@code Transfer@PRE_TOOL}
 * or {@code Prompt@PRE_MODEL}
 * @author Sondera
 */
public record PolicyDescriptor(PolicyMetadata metadata, String effect, String origin, int line,
		List<String> appliesTo) {

	/**
	 * Return the policy's {@code @id}.
	 * @return the id
	 */
	public String id() {
		return this.metadata.id();
	}

}
