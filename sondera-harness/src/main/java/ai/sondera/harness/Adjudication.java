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

/**
 * The harness's answer for one step: a decision, a human-readable reason that can be fed
 * back to the model, and the policies that determined it.
 *
 * @param decision the decision
 * @param reason why, for example {@code Denied by policies: [no-rm-rf] ...}
 * @param policies the determining policies: the satisfied permits for
 * {@link Decision#ALLOW}, the denying forbids for {@link Decision#DENY}, the escalating
 * forbids for {@link Decision#ESCALATE}; sorted by id
 * @param auditId the id of this decision's audit record, or {@code null} when there is
 * no audit log
 * @param shadow what shadow policies that matched would have decided, or {@code null}
 * (it never changes {@code decision})
 * @author Sondera
 */
public record Adjudication(Decision decision, String reason, List<PolicyMetadata> policies, String auditId,
		ShadowDecision shadow) {

	public Adjudication {
		Objects.requireNonNull(decision, "'decision' must not be null");
		reason = (reason != null) ? reason : "";
		policies = (policies != null) ? List.copyOf(policies) : List.of();
	}

	/**
	 * Create an adjudication that is not (yet) in an audit log.
	 * @param decision the decision
	 * @param reason why
	 * @param policies the determining policies
	 */
	public Adjudication(Decision decision, String reason, List<PolicyMetadata> policies) {
		this(decision, reason, policies, null, null);
	}

	/**
	 * Create an adjudication recorded in the audit log, without shadow policies.
	 * @param decision the decision
	 * @param reason why
	 * @param policies the determining policies
	 * @param auditId the id of its audit record, or {@code null}
	 */
	public Adjudication(Decision decision, String reason, List<PolicyMetadata> policies, String auditId) {
		this(decision, reason, policies, auditId, null);
	}

	/**
	 * Return this adjudication with what shadow policies would have done.
	 * @param shadow the shadow decision, or {@code null}
	 * @return the adjudication
	 */
	public Adjudication withShadow(ShadowDecision shadow) {
		return new Adjudication(this.decision, this.reason, this.policies, this.auditId, shadow);
	}

	/**
	 * Return a copy that carries the id of its audit record.
	 * @param auditId the audit record id
	 * @return the copy
	 */
	public Adjudication withAuditId(String auditId) {
		return new Adjudication(this.decision, this.reason, this.policies, auditId, this.shadow);
	}

	/**
	 * Return whether the action may proceed.
	 * @return {@code true} for {@link Decision#ALLOW}
	 */
	public boolean isAllowed() {
		return this.decision == Decision.ALLOW;
	}

	/**
	 * Return whether the action must not proceed.
	 * @return {@code true} for {@link Decision#DENY}
	 */
	public boolean isDenied() {
		return this.decision == Decision.DENY;
	}

	/**
	 * Return whether the action needs approval.
	 * @return {@code true} for {@link Decision#ESCALATE}
	 */
	public boolean isEscalated() {
		return this.decision == Decision.ESCALATE;
	}

}
