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

package ai.sondera.spring.ai.approval;

/**
 * The answer to an {@link ApprovalRequest}.
 *
 * @param approved whether the action may run
 * @param approver who decided (a person or a system)
 * @param comment why, or {@code null}
 * @param scope how far an approval reaches (see {@link ApprovalScope}); {@link ApprovalScope#ONCE}
 * if {@code null}
 * @author Sondera
 */
public record ApprovalDecision(boolean approved, String approver, String comment, ApprovalScope scope) {

	public ApprovalDecision {
		scope = (scope != null) ? scope : ApprovalScope.ONCE;
	}

	/**
	 * Create a decision whose approval applies to the one call.
	 * @param approved whether the action may run
	 * @param approver who decided
	 * @param comment why, or {@code null}
	 */
	public ApprovalDecision(boolean approved, String approver, String comment) {
		this(approved, approver, comment, ApprovalScope.ONCE);
	}

	/**
	 * Return this decision with another scope.
	 * @param scope how far the approval reaches
	 * @return the decision
	 */
	public ApprovalDecision withScope(ApprovalScope scope) {
		return new ApprovalDecision(this.approved, this.approver, this.comment, scope);
	}

	/**
	 * Describe this decision for reasons and audit records, for example
	 * {@code approved by ana: known payee}.
	 * @param verb what happened ({@code approved}, {@code rejected}, ...)
	 * @return the description
	 */
	String describe(String verb) {
		String by = (this.approver != null) ? " by " + this.approver : "";
		String why = (this.comment != null && !this.comment.isEmpty()) ? ": " + this.comment : "";
		return verb + by + why;
	}

	/**
	 * Describe this decision, {@code approved by ana: known payee} or
	 * {@code rejected by ...}.
	 * @return the description
	 */
	String describe() {
		return describe(this.approved ? "approved" : "rejected");
	}

	/**
	 * Approve.
	 * @param approver who approves
	 * @param comment why, or {@code null}
	 * @return the decision
	 */
	public static ApprovalDecision approve(String approver, String comment) {
		return new ApprovalDecision(true, approver, comment);
	}

	/**
	 * Reject.
	 * @param approver who rejects
	 * @param comment why, or {@code null}
	 * @return the decision
	 */
	public static ApprovalDecision reject(String approver, String comment) {
		return new ApprovalDecision(false, approver, comment);
	}

}
