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

package ai.sondera.test;

import ai.sondera.harness.replay.ReplayReport;

/**
 * Entry point of the policy assertions:
 * {@code assertThat(policies.toolCall("transfer", Map.of("amount", 5000))).isDenied().byPolicy("no-big-transfers")}.
 *
 * @author Sondera
 */
public final class PolicyAssertions {

	private PolicyAssertions() {
	}

	/**
	 * Assert on a verdict.
	 * @param verdict the verdict
	 * @return the assertion
	 */
	public static PolicyVerdictAssert assertThat(PolicyVerdict verdict) {
		return new PolicyVerdictAssert(verdict);
	}

	/**
	 * Assert on a replay.
	 * @param report the replay's report
	 * @return the assertion
	 */
	public static ReplayReportAssert assertThat(ReplayReport report) {
		return new ReplayReportAssert(report);
	}

}
