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

package ai.sondera.sample;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalHandler;
import ai.sondera.spring.ai.approval.ApprovalRequest;

/**
 * The approval handler that {@code @escalate("finance")} routes to (by its bean name):
 * a rule a finance system might apply. A real one would ask a person, for example with
 * {@code sondera.approval.pending.enabled=true} and a REST endpoint, or with the approvals
 * console (profile {@code console}), which replaces this handler.
 *
 * @author Sondera
 */
@Component("finance")
@Profile("!console")
public class FinanceApprovals implements ApprovalHandler {

	private static final Log logger = LogFactory.getLog(FinanceApprovals.class);

	@Override
	public CompletionStage<ApprovalDecision> requestApproval(ApprovalRequest request) {
		Object payee = request.arguments().get("to");
		double amount = ((Number) request.arguments().getOrDefault("amount", 0)).doubleValue();
		boolean knownPayee = "ACME Corp".equals(payee);
		logger.info("Finance reviews " + request.toolName() + " " + request.arguments() + ": "
				+ (knownPayee && amount <= 10_000 ? "approved" : "rejected"));
		return CompletableFuture.completedFuture((knownPayee && amount <= 10_000)
				? ApprovalDecision.approve("finance-bot", "known payee, within budget")
				: ApprovalDecision.reject("finance-bot", "unknown payee or over budget"));
	}

}
