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
package ai.sondera.spring.ai.verdict;

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.spring.ai.EnforcementMode;

/**
 * The default {@link VerdictHandler}: an allowed verdict proceeds; a denial in monitor
 * mode is logged and proceeds; in block mode it throws
 * {@link PolicyViolationException}; in steer mode a denied tool call or result is
 * replaced with the tool message, a denied prompt with the refusal, and a denied answer
 * is asked again (up to {@code maxRetries} times) before the refusal. A denied direct
 * call of a tool method has no model to steer and throws.
 *
 * @author Sondera
 */
public class DefaultVerdictHandler implements VerdictHandler {

	/** The default text a steered model receives instead of the tool result. */
	public static final String DEFAULT_TOOL_MESSAGE = "Tool call '{tool}' was denied by policy: {reason}. "
			+ "Do not repeat this call; choose a different approach.";

	/** The default answer when model text is denied in steer mode. */
	public static final String DEFAULT_REFUSAL = "I can't help with that: it was blocked by policy ({reason}).";

	/** The default instruction that asks the model again after its answer was denied. */
	public static final String DEFAULT_RETRY_INSTRUCTION = "Your previous answer was not allowed by policy: {reason}. "
			+ "Answer again without that content.";

	private static final Log logger = LogFactory.getLog(DefaultVerdictHandler.class);

	private final String toolMessage;

	private final String refusal;

	private final String retryInstruction;

	private final int maxRetries;

	/**
	 * Create a handler with the default texts and one retry.
	 */
	public DefaultVerdictHandler() {
		this(DEFAULT_TOOL_MESSAGE, DEFAULT_REFUSAL, DEFAULT_RETRY_INSTRUCTION, 1);
	}

	/**
	 * Create a handler.
	 * @param toolMessage what a steered model receives instead of a tool result
	 * ({@code {tool}} and {@code {reason}} are replaced)
	 * @param refusal the answer that replaces denied model text ({@code {reason}})
	 * @param retryInstruction what the model is told before it is asked again
	 * ({@code {reason}})
	 * @param maxRetries how often a denied answer is asked again before the refusal
	 */
	public DefaultVerdictHandler(String toolMessage, String refusal, String retryInstruction, int maxRetries) {
		this.toolMessage = Objects.requireNonNull(toolMessage, "'toolMessage' must not be null");
		this.refusal = Objects.requireNonNull(refusal, "'refusal' must not be null");
		this.retryInstruction = Objects.requireNonNull(retryInstruction, "'retryInstruction' must not be null");
		this.maxRetries = maxRetries;
	}

	@Override
	public VerdictAction handle(Checkpoint checkpoint, Adjudication verdict, Enforcement enforcement) {
		if (verdict.isAllowed()) {
			return VerdictAction.PROCEED;
		}
		if (enforcement.monitor()) {
			logger.warn("Monitor mode: " + ((checkpoint.tool() != null) ? "tool '" + checkpoint.tool() + "'"
					: "model text") + " at " + checkpoint.stage() + " would be " + verdict.decision() + ": "
					+ verdict.reason());
			return VerdictAction.PROCEED;
		}
		if (enforcement.mode() == EnforcementMode.BLOCK || !checkpoint.toModel()) {
			return new VerdictAction.Reject(new PolicyViolationException(checkpoint.stage(), verdict));
		}
		return switch (checkpoint.kind()) {
			case TOOL_CALL, TOOL_RESULT -> new VerdictAction.Replace(
					this.toolMessage.replace("{tool}", String.valueOf(checkpoint.tool()))
						.replace("{reason}", verdict.reason()));
			case PROMPT -> new VerdictAction.Replace(refusal(verdict));
			case ANSWER -> (checkpoint.attempt() < this.maxRetries)
					? new VerdictAction.ReAsk(this.retryInstruction.replace("{reason}", verdict.reason()))
					: new VerdictAction.Replace(refusal(verdict));
		};
	}

	private String refusal(Adjudication verdict) {
		return this.refusal.replace("{reason}", verdict.reason());
	}

}
