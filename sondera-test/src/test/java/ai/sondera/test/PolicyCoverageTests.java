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

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static ai.sondera.test.PolicyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Policy coverage after a test class, run through the JUnit Platform as a build runs it.
 */
class PolicyCoverageTests {

	@Test
	void aClassThatRequiresFullCoverageFailsNamingThePoliciesNoTestMadeDecide() {
		Events containers = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(PartlyCovered.class))
			.execute()
			.containerEvents();
		containers.assertThatEvents()
			.haveExactly(1, event(container(PartlyCovered.class), finishedWithFailure(message((text) -> text
				.contains("no test made these decide: [allow-all, approve-medium-transfers, no-injection,"
						+ " no-passwords-in-answers, no-secrets, two-transfers-per-conversation]")))));
	}

	@Test
	void withoutTheRequirementCoverageIsReported() {
		Events containers = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(ReportedOnly.class))
			.execute()
			.containerEvents();
		assertThat(containers.failed().count()).isZero();
		assertThat(containers.reportingEntryPublished().stream()
			.flatMap((event) -> event.getPayload(ReportEntry.class).stream())
			.map((entry) -> entry.getKeyValuePairs().get("sondera.policy-coverage"))).singleElement()
			.asString()
			.startsWith("policies no test made decide: [allow-all, approve-medium-transfers");
	}

	@SonderaPolicyTest(policies = "classpath:kit-policies/", tools = KitBankTools.class, agent = "Bank",
			requireFullCoverage = true)
	static class PartlyCovered {

		@Test
		void bigTransfer(PolicyTester policies) {
			assertThat(policies.toolCall("transfer", Map.of("to", "bob", "amount", 5000))).isDenied();
		}

	}

	@SonderaPolicyTest(policies = "classpath:kit-policies/", tools = KitBankTools.class, agent = "Bank")
	static class ReportedOnly {

		@Test
		void bigTransfer(PolicyTester policies) {
			assertThat(policies.toolCall("transfer", Map.of("to", "bob", "amount", 5000))).isDenied();
		}

	}

}
