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

/**
 * One thing wrong with a policy, found while loading it.
 *
 * @param origin the file or resource of the policy
 * @param line the 1-based line where the policy starts
 * @param policyId the policy's {@code @id}, or {@code null} if it has none (or did not
 * parse)
 * @param message what is wrong and what to do
 * @author Sondera
 */
public record PolicyProblem(String origin, int line, String policyId, String message) {

	@Override
	public String toString() {
		return ((this.policyId != null) ? "policy '" + this.policyId + "'" : "policy") + " at " + this.origin + ":"
				+ this.line + ": " + this.message;
	}

}
