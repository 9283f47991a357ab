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

import java.util.Locale;

import io.micrometer.common.KeyValues;

/**
 * The default {@link ApprovalObservationConvention}: observation {@code sondera.approval},
 * low-cardinality keys {@code outcome} ({@code approved}, {@code rejected},
 * {@code timeout}, {@code error}, {@code no-handler}), {@code stage}, {@code tool} and
 * {@code route}; high-cardinality keys {@code reason} and {@code trajectory}.
 *
 * @author Sondera
 */
public class DefaultApprovalObservationConvention implements ApprovalObservationConvention {

	/** The observation name. */
	public static final String NAME = "sondera.approval";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ApprovalObservationContext context) {
		return "sondera approval";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ApprovalObservationContext context) {
		ApprovalRequest request = context.getRequest();
		String outcome = (context.getOutcome() != null)
				? context.getOutcome().outcome().name().toLowerCase(Locale.ROOT).replace('_', '-') : "error";
		return KeyValues.of("outcome", outcome, "stage", request.stage().wireName(), "tool",
				(request.toolName() != null) ? request.toolName() : "none", "route",
				request.escalateArg().isEmpty() ? "none" : request.escalateArg());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ApprovalObservationContext context) {
		return KeyValues.of("reason", (context.getOutcome() != null) ? context.getOutcome().reason() : "",
				"trajectory", context.getRequest().trajectoryId());
	}

}
