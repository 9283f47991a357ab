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

import java.util.stream.Collectors;

import io.micrometer.common.KeyValues;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.PolicyMetadata;

/**
 * The default {@link AdjudicationObservationConvention}: observation
 * {@code sondera.adjudication}, low-cardinality keys {@code stage}, {@code decision},
 * {@code tool}, {@code agent}, {@code mode} and {@code enforcement}; high-cardinality keys
 * {@code reason} and {@code policies}.
 *
 * @author Sondera
 */
public class DefaultAdjudicationObservationConvention implements AdjudicationObservationConvention {

	/** The observation name. */
	public static final String NAME = "sondera.adjudication";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(AdjudicationObservationContext context) {
		return "sondera " + context.getStage().wireName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AdjudicationObservationContext context) {
		Adjudication adjudication = context.getAdjudication();
		return KeyValues.of("stage", context.getStage().wireName(), "decision",
				(adjudication != null) ? adjudication.decision().wireName() : "error", "tool", context.getTool(),
				"agent", context.getAgent(), "mode", context.getMode(), "enforcement", context.getEnforcement(),
				"shadow", (adjudication != null && adjudication.shadow() != null)
						? adjudication.shadow().decision().wireName() : "none");
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AdjudicationObservationContext context) {
		Adjudication adjudication = context.getAdjudication();
		if (adjudication == null) {
			return KeyValues.empty();
		}
		KeyValues values = KeyValues.of("reason", adjudication.reason(), "policies",
				adjudication.policies().stream().map(PolicyMetadata::id).collect(Collectors.joining(",")));
		return (adjudication.shadow() == null) ? values : values.and("shadow.policies", adjudication.shadow()
			.policies()
			.stream()
			.map(PolicyMetadata::id)
			.collect(Collectors.joining(",")));
	}


}
