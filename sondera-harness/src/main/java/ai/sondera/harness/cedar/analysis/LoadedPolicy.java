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
import ai.sondera.harness.support.Digests;

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
 * @param reads what the policy's conditions can read of a request
 * @param sha256 the SHA-256 of the policy's text, hex
 * @author Sondera
 */
public record LoadedPolicy(Policy policy, boolean forbid, PolicyMetadata metadata, JsonNode ast, String origin, int line,
		PolicyReads reads, String sha256) {

	/**
	 * Create a loaded policy, working out what it reads and its digest once.
	 * @param policy the Cedar policy, with the {@code @id} as its policy id
	 * @param forbid whether the effect is {@code forbid}
	 * @param metadata the annotations
	 * @param ast the policy's JSON form (Cedar EST)
	 * @param origin the file or resource
	 * @param line the 1-based line where the policy starts
	 */
	public LoadedPolicy(Policy policy, boolean forbid, PolicyMetadata metadata, JsonNode ast, String origin,
			int line) {
		this(policy, forbid, metadata, ast, origin, line, PolicyReads.of(ast), Digests.sha256(policy.policySrc));
	}

	/**
	 * Two loaded policies are the same only if they are the same object: a policy is
	 * read once per load, and comparing its parsed form would cost more than it tells.
	 * @param other the other object
	 * @return whether it is this policy
	 */
	@Override
	public boolean equals(Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

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

	public String location() {
		return this.origin + ":" + this.line;
	}

	public PolicyProblem problem(String message) {
		return new PolicyProblem(this.origin, this.line, id(), message);
	}

}
