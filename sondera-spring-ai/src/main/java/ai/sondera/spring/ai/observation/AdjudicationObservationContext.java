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

package ai.sondera.spring.ai.observation;

import io.micrometer.observation.Observation;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Stage;

/**
 * What is known about one adjudication, for its {@code sondera.adjudication} observation.
 *
 * @author Sondera
 */
public class AdjudicationObservationContext extends Observation.Context {

	private final Stage stage;

	private final String tool;

	private final String agent;

	private final String mode;

	private final String enforcement;

	private Adjudication adjudication;

	/**
	 * Create a context.
	 * @param stage the stage
	 * @param tool the tool, or {@code none} for model text and run stages
	 * @param agent the agent name
	 * @param mode what a denial does: {@code block} or {@code steer}
	 * @param enforcement {@code enforce} or {@code monitor}
	 */
	public AdjudicationObservationContext(Stage stage, String tool, String agent, String mode, String enforcement) {
		this.stage = stage;
		this.tool = tool;
		this.agent = agent;
		this.mode = mode;
		this.enforcement = enforcement;
	}

	public Stage getStage() {
		return this.stage;
	}

	public String getTool() {
		return this.tool;
	}

	public String getAgent() {
		return this.agent;
	}

	public String getMode() {
		return this.mode;
	}

	public String getEnforcement() {
		return this.enforcement;
	}

	/**
	 * Return the result, once the adjudication returned.
	 * @return the adjudication, or {@code null}
	 */
	public Adjudication getAdjudication() {
		return this.adjudication;
	}

	void setAdjudication(Adjudication adjudication) {
		this.adjudication = adjudication;
	}

}
