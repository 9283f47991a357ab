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

package ai.sondera.spring.ai.advisor;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.VerdictResolver;

/**
 * The checkpoints of a model turn: PRE_MODEL on the system and user text about to be
 * sent, POST_MODEL on the text the model produced, with escalation and monitor mode
 * resolved, and what a denial turns into.
 *
 * @author Sondera
 */
public class ModelTurnGuard {

	/** The default answer when model text is denied in steer mode. */
	public static final String DEFAULT_REFUSAL = "I can't help with that: it was blocked by policy ({reason}).";

	/** The default instruction that asks the model again after its answer was denied. */
	public static final String DEFAULT_RETRY_INSTRUCTION = "Your previous answer was not allowed by policy: {reason}. "
			+ "Answer again without that content.";

	private final VerdictResolver verdicts;

	private final EnforcementMode mode;

	private final boolean failOpen;

	private final String refusal;

	private final String retryInstruction;

	private final int maxRetries;

	/**
	 * Create a guard.
	 * @param verdicts resolves escalations and monitor mode
	 * @param mode what a denial does
	 * @param failOpen whether an error in the harness lets the text through
	 * @param refusal the answer that replaces denied text in steer mode ({reason})
	 * @param retryInstruction what the model is told before it is asked again ({reason})
	 * @param maxRetries how often a denied answer is asked again in steer mode
	 */
	public ModelTurnGuard(VerdictResolver verdicts, EnforcementMode mode, boolean failOpen, String refusal,
			String retryInstruction, int maxRetries) {
		this.verdicts = Objects.requireNonNull(verdicts, "'verdicts' must not be null");
		this.mode = Objects.requireNonNull(mode, "'mode' must not be null");
		this.failOpen = failOpen;
		this.refusal = Objects.requireNonNull(refusal, "'refusal' must not be null");
		this.retryInstruction = Objects.requireNonNull(retryInstruction, "'retryInstruction' must not be null");
		this.maxRetries = maxRetries;
	}

	/**
	 * Return how often a denied answer is asked again.
	 * @return the number of retries
	 */
	public int maxRetries() {
		return this.maxRetries;
	}

	/**
	 * Adjudicate the system messages and the last user message of a request.
	 * @param trajectory the trajectory
	 * @param messages the messages about to be sent
	 * @return the final verdict, ALLOW or DENY
	 */
	public Adjudication checkPrompt(Trajectory trajectory, List<Message> messages) {
		Message lastUser = null;
		for (Message message : messages) {
			if (message.getMessageType() == MessageType.USER) {
				lastUser = message;
			}
		}
		for (Message message : messages) {
			boolean system = message.getMessageType() == MessageType.SYSTEM;
			if (system || message == lastUser) {
				Adjudication verdict = check(trajectory, Stage.PRE_MODEL, system ? Role.SYSTEM : Role.USER,
						message.getText());
				if (!verdict.isAllowed()) {
					return verdict;
				}
			}
		}
		return new Adjudication(Decision.ALLOW, "Allowed by all policies", List.of());
	}

	/**
	 * Adjudicate the text a model produced.
	 * @param trajectory the trajectory
	 * @param text the text
	 * @return the final verdict, ALLOW or DENY
	 */
	public Adjudication checkAnswer(Trajectory trajectory, String text) {
		return check(trajectory, Stage.POST_MODEL, Role.MODEL, text);
	}

	private Adjudication check(Trajectory trajectory, Stage stage, Role role, String text) {
		PromptContent content = new PromptContent((text != null) ? text : "");
		Adjudication adjudication;
		try {
			adjudication = trajectory.adjudicate(stage, role, content);
		}
		catch (RuntimeException ex) {
			adjudication = new Adjudication(this.failOpen ? Decision.ALLOW : Decision.DENY,
					"Policy check failed, " + (this.failOpen ? "allowed because fail-open is set: "
							: "denied to fail closed: ") + ex.getMessage(), List.of());
			VerdictResolver.record(trajectory, stage, content, adjudication);
		}
		return this.verdicts.resolve(stage, this.mode, adjudication, content, null, Map.of(), trajectory);
	}

	/**
	 * Enforce a denial: throw in block mode, otherwise return the refusal text.
	 * @param stage where the text was denied
	 * @param verdict the denial
	 * @return the refusal
	 * @throws PolicyViolationException in block mode
	 */
	public String refuseOrThrow(Stage stage, Adjudication verdict) {
		if (this.mode == EnforcementMode.BLOCK) {
			throw new PolicyViolationException(stage, verdict);
		}
		return this.refusal.replace("{reason}", verdict.reason());
	}

	/**
	 * Return the instruction that asks the model again.
	 * @param verdict the denial of its previous answer
	 * @return the instruction
	 */
	public String retryInstruction(Adjudication verdict) {
		return this.retryInstruction.replace("{reason}", verdict.reason());
	}

}
