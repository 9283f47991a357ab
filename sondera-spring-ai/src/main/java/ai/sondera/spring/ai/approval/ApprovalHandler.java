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

import java.util.concurrent.CompletionStage;

/**
 * Decides escalated actions: a person (through a UI, chat or ticket) or a system.
 *
 * <p>
 * Handlers are Spring beans. A policy's {@code @escalate("finance-team")} argument
 * selects the handler bean of that name; otherwise the first handler (in
 * {@link org.springframework.core.annotation.Order} order) whose {@link #supports}
 * accepts the request decides. A handler that keeps the default {@code supports} takes
 * every request and so acts as the default handler. No handler, an error or a timeout
 * ({@code sondera.approval.timeout}) means the action is denied.
 *
 * @author Sondera
 */
@FunctionalInterface
public interface ApprovalHandler {

	/**
	 * Ask for a decision. The answer may come later; the action waits for it up to the
	 * approval timeout.
	 * @param request the escalated action
	 * @return the decision, when it is known
	 */
	CompletionStage<ApprovalDecision> requestApproval(ApprovalRequest request);

	/**
	 * Return whether this handler decides the given request. By default every request.
	 * @param request the escalated action
	 * @return whether to route the request here
	 */
	default boolean supports(ApprovalRequest request) {
		return true;
	}

}
