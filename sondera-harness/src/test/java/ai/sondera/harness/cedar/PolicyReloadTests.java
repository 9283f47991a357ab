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

package ai.sondera.harness.cedar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.policy.LoadedPolicyInfo;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.policy.PolicySource;

import static ai.sondera.harness.cedar.Harnesses.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replacing the policies of a running harness: atomic, validated first, last known good
 * kept on failure.
 */
class PolicyReloadTests {

	private static final String ALLOW_ALL = "@id(\"allow-all\") permit(principal, action, resource);\n";

	private static final String NO_LS = ALLOW_ALL + """
			@id("no-ls") forbid(principal, action == MyAgent::Action::"Bash", resource)
			when { context.parameters.command == "ls" };
			""";

	@Test
	void validChangeApplies() {
		CedarPolicyHarness harness = Harnesses.of(ALLOW_ALL, TestAgents.MY_AGENT);
		Trajectory trajectory = harness.initialize(TestAgents.MY_AGENT, null);
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "ls")).isAllowed()).isTrue();
		assertThat(harness.reload(List.of(PolicySource.of("v2.cedar", NO_LS)))).isEqualTo(2);
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "ls")).isDenied()).isTrue();
		assertThat(harness.policyVersion()).isEqualTo(2);
		assertThat(harness.loadedPolicies()).extracting(LoadedPolicyInfo::origin).containsOnly("v2.cedar");
		assertThat(harness.loadedPolicies().get(1).sha256()).hasSize(64);
	}

	@Test
	void invalidChangeKeepsTheLastKnownGoodSet() {
		CedarPolicyHarness harness = Harnesses.of(NO_LS, TestAgents.MY_AGENT);
		Trajectory trajectory = harness.initialize(TestAgents.MY_AGENT, null);
		assertThatExceptionOfType(PolicyLoadException.class)
			.isThrownBy(() -> harness.reload(List.of(PolicySource.of("broken.cedar", ALLOW_ALL + """
					@id("typo") forbid(principal, action == MyAgent::Action::"Bsah", resource);
					"""))))
			.withMessageContaining("broken.cedar:2");
		assertThat(harness.policyVersion()).isEqualTo(1);
		assertThat(toolCall(trajectory, "Bash", Map.of("command", "ls")).isDenied()).isTrue();
	}

	@Test
	void adjudicationsOnOtherThreadsSeeOneSetOrTheOther() throws Exception {
		CedarPolicyHarness harness = Harnesses.of(ALLOW_ALL, TestAgents.MY_AGENT);
		AtomicBoolean running = new AtomicBoolean(true);
		Set<String> reasons = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> workers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				workers.add(executor.submit(() -> {
					Trajectory trajectory = harness.initialize(TestAgents.MY_AGENT, null);
					int count = 0;
					while (running.get()) {
						Adjudication result = toolCall(trajectory, "Bash", Map.of("command", "ls"));
						reasons.add(result.reason());
						count++;
					}
					return count;
				}));
			}
			for (int i = 0; i < 20; i++) {
				harness.reload(List.of(PolicySource.of("p.cedar", (i % 2 == 0) ? NO_LS : ALLOW_ALL)));
			}
			running.set(false);
			for (Future<Integer> worker : workers) {
				assertThat(worker.get()).isPositive();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(reasons).isSubsetOf("Allowed by all policies", "Denied by policies: [no-ls]");
		assertThat(harness.policyVersion()).isEqualTo(21);
	}

}
