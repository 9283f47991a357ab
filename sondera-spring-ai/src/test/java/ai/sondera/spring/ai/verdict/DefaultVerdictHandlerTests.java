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

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.harness.Stage;
import ai.sondera.spring.ai.EnforcementMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link DefaultVerdictHandler} makes of a verdict at each checkpoint.
 */
class DefaultVerdictHandlerTests {

	private static final Adjudication ALLOWED = new Adjudication(Decision.ALLOW, "Allowed by all policies", List.of());

	private static final Adjudication DENIED = new Adjudication(Decision.DENY, "Denied by policies: [x] no", List.of());

	private static final Enforcement BLOCK = Enforcement.of(EnforcementMode.BLOCK);

	private final DefaultVerdictHandler handler = new DefaultVerdictHandler("{tool} denied: {reason}",
			"refused ({reason})", "again: {reason}", 2);

	@Test
	void allowedVerdictsProceedEverywhere() {
		for (Checkpoint checkpoint : List.of(Checkpoint.toolCall("buy"), Checkpoint.toolResult("buy"),
				Checkpoint.prompt(), Checkpoint.answer(0), Checkpoint.toolCall("buy").direct())) {
			assertThat(this.handler.handle(checkpoint, ALLOWED, BLOCK)).isEqualTo(VerdictAction.PROCEED);
		}
	}

	@Test
	void monitoredDenialsProceed() {
		assertThat(this.handler.handle(Checkpoint.toolCall("buy"), DENIED, BLOCK.withMonitor(true)))
			.isEqualTo(VerdictAction.PROCEED);
		assertThat(this.handler.handle(Checkpoint.answer(0), DENIED, Enforcement.of(EnforcementMode.MONITOR)))
			.isEqualTo(VerdictAction.PROCEED);
	}

	@Test
	void blockRejectsWithTheStageOfTheCheckpoint() {
		VerdictAction action = this.handler.handle(Checkpoint.toolResult("buy"), DENIED, BLOCK);
		assertThat(action).isInstanceOfSatisfying(VerdictAction.Reject.class, (reject) -> {
			assertThat(reject.exception()).isInstanceOf(PolicyViolationException.class);
			PolicyViolationException violation = (PolicyViolationException) reject.exception();
			assertThat(violation.getStage()).isEqualTo(Stage.POST_TOOL);
			assertThat(violation.getAdjudication()).isSameAs(DENIED);
		});
	}

	@Test
	void steerReplacesToolCallsAndResultsWithTheToolMessage() {
		assertThat(this.handler.handle(Checkpoint.toolCall("buy"), DENIED, Enforcement.STEER))
			.isEqualTo(new VerdictAction.Replace("buy denied: Denied by policies: [x] no"));
		assertThat(this.handler.handle(Checkpoint.toolResult("receipt"), DENIED, Enforcement.STEER))
			.isEqualTo(new VerdictAction.Replace("receipt denied: Denied by policies: [x] no"));
	}

	@Test
	void directCallsCannotBeSteered() {
		assertThat(this.handler.handle(Checkpoint.toolCall("buy").direct(), DENIED, Enforcement.STEER))
			.isInstanceOf(VerdictAction.Reject.class);
	}

	@Test
	void steerRefusesPromptsAndAsksAgainUntilRetriesAreUsed() {
		assertThat(this.handler.handle(Checkpoint.prompt(), DENIED, Enforcement.STEER))
			.isEqualTo(new VerdictAction.Replace("refused (Denied by policies: [x] no)"));
		assertThat(this.handler.handle(Checkpoint.answer(0), DENIED, Enforcement.STEER))
			.isEqualTo(new VerdictAction.ReAsk("again: Denied by policies: [x] no"));
		assertThat(this.handler.handle(Checkpoint.answer(1), DENIED, Enforcement.STEER))
			.isInstanceOf(VerdictAction.ReAsk.class);
		assertThat(this.handler.handle(Checkpoint.answer(2), DENIED, Enforcement.STEER))
			.isEqualTo(new VerdictAction.Replace("refused (Denied by policies: [x] no)"));
		assertThat(this.handler.handle(Checkpoint.releasedAnswer(), DENIED, Enforcement.STEER))
			.isInstanceOf(VerdictAction.Replace.class);
	}

	@Test
	void actionsCarryTheirReplacement() {
		assertThat(new VerdictAction.Replace("instead").replacement()).isEqualTo("instead");
		assertThat(new VerdictAction.ReAsk("again").replacement()).isEqualTo("again");
		IllegalStateException failure = new IllegalStateException("stop");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VerdictAction.Reject(failure).replacement())
			.isSameAs(failure);
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> VerdictAction.PROCEED.replacement());
	}

}
