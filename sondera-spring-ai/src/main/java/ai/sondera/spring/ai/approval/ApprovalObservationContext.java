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

import io.micrometer.observation.Observation;

import ai.sondera.spring.ai.approval.ApprovalService.ApprovalOutcome;

/**
 * What is known about one approval request, for its {@code sondera.approval} observation.
 *
 * @author Sondera
 */
public class ApprovalObservationContext extends Observation.Context {

	private final ApprovalRequest request;

	private ApprovalOutcome outcome;

	/**
	 * Create a context.
	 * @param request the request
	 */
	public ApprovalObservationContext(ApprovalRequest request) {
		this.request = request;
	}

	public ApprovalRequest getRequest() {
		return this.request;
	}

	/**
	 * Return the outcome, once known.
	 * @return the outcome, or {@code null}
	 */
	public ApprovalOutcome getOutcome() {
		return this.outcome;
	}

	void setOutcome(ApprovalOutcome outcome) {
		this.outcome = outcome;
	}

}
