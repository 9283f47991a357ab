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
package ai.sondera.harness.cedar.analysis;

import com.cedarpolicy.model.policy.Policy;
import com.fasterxml.jackson.databind.JsonNode;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.policy.PolicyProblem;

/**
 * A policy as read from its source: the Cedar policy (whose engine id is the
 * {@code @id}), where it came from, and what its annotations say.
 *
 * @param policy the Cedar policy, with the {@code @id} as its policy id
 * @param forbid whether the effect is {@code forbid}
 * @param metadata the annotations
 * @param ast the policy's JSON form (Cedar EST)
 * @param origin the file or resource
 * @param line the 1-based line where the policy starts
 * @author Sondera
 */
public record LoadedPolicy(Policy policy, boolean forbid, PolicyMetadata metadata, JsonNode ast, String origin, int line) {

	public String id() {
		return this.metadata.id();
	}

	/**
	 * Return whether this is a permit without conditions on principal, resource or
	 * context: wherever it applies it is satisfied, so the engine need not evaluate it.
	 * @return whether the policy always permits where it applies
	 */
	public boolean unconditionalPermit() {
		return !this.forbid && "All".equals(this.ast.path("principal").path("op").asText())
				&& "All".equals(this.ast.path("resource").path("op").asText()) && this.ast.path("conditions").isEmpty();
	}

	/**
	 * Return what the policy's conditions can read of a request.
	 * @return the reads
	 */
	public PolicyReads reads() {
		return PolicyReads.of(this.ast);
	}

	public String location() {
		return this.origin + ":" + this.line;
	}

	public PolicyProblem problem(String message) {
		return new PolicyProblem(this.origin, this.line, id(), message);
	}

}
