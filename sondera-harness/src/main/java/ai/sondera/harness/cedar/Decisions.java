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
package ai.sondera.harness.cedar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse.AuthorizationError;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.cedar.analysis.LoadedPolicy;

/**
 * Turns a Cedar answer into an {@link Adjudication} with the Sondera SDK's rules and
 * reasons: any matching forbid without {@code @escalate} denies; only escalating forbids
 * escalate; otherwise a matching permit allows; otherwise the default is deny. With
 * {@link EvaluationErrorMode#FAIL_CLOSED} a forbid whose evaluation errored counts as a
 * matching (denying) forbid.
 *
 * @author Sondera
 */
final class Decisions {

	static final String ALLOWED = "Allowed by all policies";

	static final String NO_PERMIT = "No matching permit policy";

	static final String NOT_EVALUATED = "Non-tool content allowed by default";

	private static final Comparator<PolicyMetadata> BY_ID = Comparator.comparing(PolicyMetadata::id);

	private Decisions() {
	}

	static Adjudication decide(AuthorizationSuccessResponse response, Partition partition, EvaluationErrorMode mode) {
		Map<String, String> erroredForbids = new TreeMap<>();
		if (mode == EvaluationErrorMode.FAIL_CLOSED) {
			for (AuthorizationError error : response.getErrors()) {
				LoadedPolicy policy = partition.policy(error.getPolicyId());
				if (policy != null && policy.forbid()) {
					erroredForbids.put(policy.id(), error.getError().message);
				}
			}
		}
		List<PolicyMetadata> permits = new ArrayList<>(partition.unconditionalPermits());
		List<PolicyMetadata> denies = new ArrayList<>();
		List<PolicyMetadata> escalates = new ArrayList<>();
		for (String id : response.getReason()) {
			LoadedPolicy policy = partition.policy(id);
			if (policy == null) {
				continue;
			}
			if (!policy.forbid()) {
				permits.add(policy.metadata());
			}
			else if (policy.metadata().escalate()) {
				escalates.add(policy.metadata());
			}
			else {
				denies.add(policy.metadata());
			}
		}
		// Without a matching forbid the unconditional permits (kept from the engine) allow.
		boolean allowed = response.isAllowed()
				|| (!permits.isEmpty() && denies.isEmpty() && escalates.isEmpty());
		if (allowed && erroredForbids.isEmpty()) {
			permits.sort(BY_ID);
			return new Adjudication(Decision.ALLOW, ALLOWED, permits);
		}
		erroredForbids.keySet().forEach((id) -> denies.add(partition.policy(id).metadata()));
		if (!denies.isEmpty()) {
			denies.sort(BY_ID);
			String reason = denies.stream()
				.map((policy) -> describe(policy, erroredForbids.get(policy.id())))
				.collect(Collectors.joining("; ", "Denied by policies: ", ""));
			return new Adjudication(Decision.DENY, reason, denies);
		}
		if (!escalates.isEmpty()) {
			escalates.sort(BY_ID);
			String reason = escalates.stream()
				.map(PolicyMetadata::toString)
				.collect(Collectors.joining("; ", "Escalated by policies: ", ""));
			return new Adjudication(Decision.ESCALATE, reason, escalates);
		}
		return new Adjudication(Decision.DENY, NO_PERMIT, List.of());
	}

	/**
	 * Decide for a partition whose policies need no evaluation: its unconditional
	 * permits allow; without any, nothing permits.
	 * @param partition the partition
	 * @return the adjudication
	 */
	static Adjudication withoutEngine(Partition partition) {
		return partition.unconditionalPermits().isEmpty() ? new Adjudication(Decision.DENY, NO_PERMIT, List.of())
				: new Adjudication(Decision.ALLOW, ALLOWED, partition.unconditionalPermits());
	}

	private static String describe(PolicyMetadata policy, String error) {
		return (error != null) ? policy + " (evaluation error, denied to fail closed: " + error + ")"
				: policy.toString();
	}

}
