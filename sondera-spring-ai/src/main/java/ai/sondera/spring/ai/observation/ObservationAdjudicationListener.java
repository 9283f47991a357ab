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

import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import ai.sondera.harness.AdjudicationListener;
import ai.sondera.harness.Content;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;

/**
 * Records one Micrometer {@link Observation} per adjudication ({@code sondera.adjudication}),
 * a child of the current observation (the ChatClient's, when there is one).
 *
 * @author Sondera
 */
public class ObservationAdjudicationListener implements AdjudicationListener {

	private static final AdjudicationObservationConvention DEFAULT = new DefaultAdjudicationObservationConvention();

	private final ObservationRegistry registry;

	private final AdjudicationObservationConvention convention;

	private final EnforcementResolver enforcement;

	/**
	 * Create a listener.
	 * @param registry the observation registry
	 * @param convention a custom convention, or {@code null} for the default
	 * @param enforcement the enforcement of each tool and of model text
	 */
	public ObservationAdjudicationListener(ObservationRegistry registry, AdjudicationObservationConvention convention,
			EnforcementResolver enforcement) {
		this.registry = Objects.requireNonNull(registry, "'registry' must not be null");
		this.convention = convention;
		this.enforcement = Objects.requireNonNull(enforcement, "'enforcement' must not be null");
	}

	@Override
	public Completion started(Trajectory trajectory, Stage stage, Role role, Content content) {
		if (this.registry.isNoop()) {
			return Completion.NONE;
		}
		String tool = tool(content);
		Enforcement enforcement = this.enforcement.forTool(tool);
		AdjudicationObservationContext context = new AdjudicationObservationContext(stage,
				(tool != null) ? tool : "none", trajectory.agent().name(),
				(enforcement.mode() == EnforcementMode.BLOCK) ? "block" : "steer",
				enforcement.monitor() ? "monitor" : "enforce");
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT, () -> context, this.registry)
			.start();
		return new Completion() {

			@Override
			public void completed(ai.sondera.harness.Adjudication adjudication) {
				context.setAdjudication(adjudication);
				observation.stop();
			}

			@Override
			public void failed(Throwable error) {
				observation.error(error);
				observation.stop();
			}

		};
	}

	private static String tool(Content content) {
		if (content instanceof ToolRequestContent request) {
			return request.toolId();
		}
		if (content instanceof ToolResponseContent response) {
			return response.toolId();
		}
		return null;
	}

}
