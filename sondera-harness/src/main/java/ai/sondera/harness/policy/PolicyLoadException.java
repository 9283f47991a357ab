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
import java.util.stream.Collectors;

/**
 * Thrown when policies cannot be loaded: a syntax error, a missing or duplicate
 * {@code @id}, {@code @escalate} on a permit, or a policy that can never match. Lists
 * every problem found, each with the policy id, file and line.
 *
 * @author Sondera
 */
public class PolicyLoadException extends RuntimeException {

	private final transient List<PolicyProblem> problems;

	/**
	 * Create a new exception.
	 * @param problems what is wrong, at least one
	 */
	public PolicyLoadException(List<PolicyProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return every problem found.
	 * @return the problems
	 */
	public List<PolicyProblem> getProblems() {
		return this.problems;
	}

	private static String describe(List<PolicyProblem> problems) {
		String heading = (problems.size() == 1) ? "Invalid Cedar policy: "
				: "Invalid Cedar policies (" + problems.size() + " problems):" + System.lineSeparator() + "  - ";
		return heading + problems.stream()
			.map(PolicyProblem::toString)
			.collect(Collectors.joining(System.lineSeparator() + "  - "));
	}

}
