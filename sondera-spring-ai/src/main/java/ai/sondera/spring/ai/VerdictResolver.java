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

package ai.sondera.spring.ai;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Content;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.spring.ai.approval.ApprovalRequest;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.approval.ApprovalService.ApprovalOutcome;
import ai.sondera.spring.ai.verdict.Enforcement;

/**
 * Turns an adjudication into a final verdict: an ALLOW or DENY stands, an ESCALATE goes
 * to approval (its outcome, ALLOW or DENY, is recorded in the trajectory), except in
 * monitor mode, where nobody is asked and the adjudication is returned as it is (the
 * {@link ai.sondera.spring.ai.verdict.VerdictHandler} lets it pass). Shared by every
 * checkpoint, for tools and model turns alike.
 *
 * @author Sondera
 */
public class VerdictResolver {

	private static final Log logger = LogFactory.getLog(VerdictResolver.class);

	private final ApprovalService approvals;

	/**
	 * Create a resolver.
	 * @param approvals decides escalations
	 */
	public VerdictResolver(ApprovalService approvals) {
		this.approvals = Objects.requireNonNull(approvals, "'approvals' must not be null");
	}

	/**
	 * Resolve an adjudication.
	 * @param stage where the step is
	 * @param enforcement the effective enforcement
	 * @param adjudication the harness's answer
	 * @param content what was adjudicated
	 * @param toolName the tool, or {@code null} for model text
	 * @param arguments the tool arguments (empty for model text)
	 * @param trajectory the trajectory
	 * @return the final verdict, ALLOW or DENY (or the adjudication as it is in monitor
	 * mode)
	 */
	public Adjudication resolve(Stage stage, Enforcement enforcement, Adjudication adjudication, Content content,
			String toolName, Map<String, Object> arguments, Trajectory trajectory) {
		if (!adjudication.isEscalated() || enforcement.monitor()) {
			return adjudication;
		}
		ApprovalRequest request = new ApprovalRequest(UUID.randomUUID().toString(), stage, toolName, arguments,
				adjudication.reason(), adjudication.policies(), escalateArg(adjudication), trajectory.id(),
				trajectory.sessionId(), trajectory.agent().id(),
				(content instanceof PromptContent prompt) ? prompt.text() : null);
		ApprovalOutcome outcome = this.approvals.decide(request);
		Adjudication decided = new Adjudication(outcome.approved() ? Decision.ALLOW : Decision.DENY,
				"Escalation " + outcome.reason() + " (" + adjudication.reason() + ")", adjudication.policies());
		record(trajectory, stage, content, decided);
		return decided;
	}

	/**
	 * Record a decision made outside the policies, logging instead of failing if the
	 * trajectory cannot take it.
	 * @param trajectory the trajectory
	 * @param stage the stage
	 * @param content the content
	 * @param adjudication the decision
	 */
	public static void record(Trajectory trajectory, Stage stage, Content content, Adjudication adjudication) {
		try {
			trajectory.record(stage, Role.SYSTEM, content, adjudication);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record " + adjudication.decision() + " at " + stage + " in trajectory "
					+ trajectory.id(), ex);
		}
	}

	private static String escalateArg(Adjudication adjudication) {
		for (PolicyMetadata policy : adjudication.policies()) {
			if (policy.escalate() && !policy.escalateArg().isEmpty()) {
				return policy.escalateArg();
			}
		}
		return "";
	}

}
