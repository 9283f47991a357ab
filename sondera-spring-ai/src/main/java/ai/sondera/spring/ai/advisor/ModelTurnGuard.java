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
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.verdict.Checkpoint;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;
import ai.sondera.spring.ai.verdict.VerdictAction;
import ai.sondera.spring.ai.verdict.VerdictHandler;

/**
 * The checkpoints of a model turn: PRE_MODEL on the system and user text about to be
 * sent, POST_MODEL on the text the model produced. Adjudicates, resolves escalations, and
 * asks the {@link VerdictHandler} what the verdict does.
 *
 * @author Sondera
 */
public class ModelTurnGuard {

	private final VerdictResolver verdicts;

	private final VerdictHandler handler;

	private final EnforcementResolver enforcement;

	private final FailurePolicy failures;

	/**
	 * Create a guard.
	 * @param verdicts resolves escalations
	 * @param handler decides what a verdict does
	 * @param enforcement gives the enforcement of model text
	 * @param failures what a failed check means
	 */
	public ModelTurnGuard(VerdictResolver verdicts, VerdictHandler handler, EnforcementResolver enforcement,
			FailurePolicy failures) {
		this.verdicts = Objects.requireNonNull(verdicts, "'verdicts' must not be null");
		this.handler = Objects.requireNonNull(handler, "'handler' must not be null");
		this.enforcement = Objects.requireNonNull(enforcement, "'enforcement' must not be null");
		this.failures = Objects.requireNonNull(failures, "'failures' must not be null");
	}

	/**
	 * Adjudicate the system messages and the last user message of a request.
	 * @param trajectory the trajectory
	 * @param messages the messages about to be sent
	 * @return what to do: proceed, or what replaces the model's answer
	 */
	public VerdictAction checkPrompt(Trajectory trajectory, List<Message> messages) {
		Message lastUser = null;
		for (Message message : messages) {
			if (message.getMessageType() == MessageType.USER) {
				lastUser = message;
			}
		}
		for (Message message : messages) {
			boolean system = message.getMessageType() == MessageType.SYSTEM;
			if (system || message == lastUser) {
				VerdictAction action = check(trajectory, Checkpoint.prompt(), system ? Role.SYSTEM : Role.USER,
						message.getText());
				if (!(action instanceof VerdictAction.Proceed)) {
					return action;
				}
			}
		}
		return VerdictAction.PROCEED;
	}

	/**
	 * Adjudicate the text a model produced.
	 * @param trajectory the trajectory
	 * @param text the text
	 * @param checkpoint the answer checkpoint (which attempt, or a partly released one)
	 * @return what to do with the answer
	 */
	public VerdictAction checkAnswer(Trajectory trajectory, String text, Checkpoint checkpoint) {
		return check(trajectory, checkpoint, Role.MODEL, text);
	}

	private VerdictAction check(Trajectory trajectory, Checkpoint checkpoint, Role role, String text) {
		Stage stage = checkpoint.stage();
		PromptContent content = new PromptContent((text != null) ? text : "");
		Enforcement enforcement = this.enforcement.forModelText();
		Adjudication adjudication;
		try {
			adjudication = trajectory.adjudicate(stage, role, content);
		}
		catch (RuntimeException ex) {
			adjudication = this.failures.adjudicate("model text at " + stage, ex);
			VerdictResolver.record(trajectory, stage, content, adjudication);
		}
		Adjudication verdict = this.verdicts.resolve(stage, enforcement, adjudication, content, null, Map.of(),
				trajectory);
		return this.handler.handle(checkpoint, verdict, enforcement);
	}

}
