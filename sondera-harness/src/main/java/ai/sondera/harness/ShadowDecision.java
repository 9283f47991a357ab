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

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What shadow policies ({@code @shadow}, or named in the harness's shadow set) would have
 * done to a step: they are evaluated on live traffic but never change a decision, which
 * is taken as if they were absent.
 *
 * @param decision the decision had the shadow policies been live
 * @param reason its reason
 * @param policies the shadow policies that matched
 * @author Sondera
 */
public record ShadowDecision(Decision decision, String reason, List<PolicyMetadata> policies) {

	public ShadowDecision {
		Objects.requireNonNull(decision, "'decision' must not be null");
		reason = (reason != null) ? reason : "";
		policies = (policies != null) ? List.copyOf(policies) : List.of();
	}

	/**
	 * Describe it on one line, for the audit log.
	 * @return the description
	 */
	public String describe() {
		return this.decision.wireName() + " by "
				+ this.policies.stream().map(PolicyMetadata::id).collect(Collectors.joining(", ", "[", "]"));
	}

}
