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

import java.util.Objects;

/**
 * Thrown when an action is blocked by policy. Carries the {@link Adjudication} so that
 * callers can read the decision, reason and policies.
 *
 * @author Sondera
 */
public class PolicyViolationException extends RuntimeException {

	private final Stage stage;

	private final transient Adjudication adjudication;

	/**
	 * Create a new exception.
	 * @param stage the stage at which the action was blocked
	 * @param adjudication the adjudication that blocked it
	 */
	public PolicyViolationException(Stage stage, Adjudication adjudication) {
		super("Blocked by policy at " + stage + ": " + Objects.requireNonNull(adjudication, "'adjudication' must not be null").reason());
		this.stage = stage;
		this.adjudication = adjudication;
	}

	/**
	 * Return the stage at which the action was blocked.
	 * @return the stage
	 */
	public Stage getStage() {
		return this.stage;
	}

	/**
	 * Return the adjudication that blocked the action.
	 * @return the adjudication
	 */
	public Adjudication getAdjudication() {
		return this.adjudication;
	}

}
