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

package ai.sondera.test;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractObjectAssert;

import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;

/**
 * Assertions on a {@link PolicyVerdict}; failures show the decision, its reason, the
 * policy ids and the request as the policies saw it.
 *
 * @author Sondera
 */
public class PolicyVerdictAssert extends AbstractObjectAssert<PolicyVerdictAssert, PolicyVerdict> {

	PolicyVerdictAssert(PolicyVerdict actual) {
		super(actual, PolicyVerdictAssert.class);
	}

	/**
	 * Verify that the step is allowed.
	 * @return this
	 */
	public PolicyVerdictAssert isAllowed() {
		return hasDecision(Decision.ALLOW);
	}

	/**
	 * Verify that the step is denied.
	 * @return this
	 */
	public PolicyVerdictAssert isDenied() {
		return hasDecision(Decision.DENY);
	}

	/**
	 * Verify that the step is escalated for approval.
	 * @return this
	 */
	public PolicyVerdictAssert isEscalated() {
		return hasDecision(Decision.ESCALATE);
	}

	/**
	 * Verify that these policies are among those that decided.
	 * @param policyIds the policy ids
	 * @return this
	 */
	public PolicyVerdictAssert byPolicy(String... policyIds) {
		isNotNull();
		List<String> decided = this.actual.adjudication().policies().stream().map(PolicyMetadata::id).toList();
		if (!decided.containsAll(Arrays.asList(policyIds))) {
			failWithMessage("Expected the decision to be made by %s but it was %s%nfor %s", Arrays.toString(policyIds),
					this.actual.decision(), this.actual.request());
		}
		return this;
	}

	/**
	 * Verify that the escalation routes to an approval handler ({@code @escalate("...")}).
	 * @param route the handler's name
	 * @return this
	 */
	public PolicyVerdictAssert to(String route) {
		isEscalated();
		boolean routed = this.actual.adjudication()
			.policies()
			.stream()
			.anyMatch((policy) -> policy.escalate() && route.equals(policy.escalateArg()));
		if (!routed) {
			failWithMessage("Expected the escalation to go to '%s' but it was %s%nfor %s", route,
					this.actual.decision(), this.actual.request());
		}
		return this;
	}

	/**
	 * Verify the decision's reason.
	 * @param text what the reason contains
	 * @return this
	 */
	public PolicyVerdictAssert withReasonContaining(String text) {
		isNotNull();
		String reason = this.actual.adjudication().reason();
		if (reason == null || !reason.contains(text)) {
			failWithMessage("Expected the reason to contain \"%s\" but it was %s%nfor %s", text, this.actual.decision(),
					this.actual.request());
		}
		return this;
	}

	private PolicyVerdictAssert hasDecision(Decision expected) {
		isNotNull();
		if (this.actual.adjudication().decision() != expected) {
			failWithMessage("Expected %s but the policies decided %s%nfor %s", expected, this.actual.decision(),
					this.actual.request());
		}
		return this;
	}

}
