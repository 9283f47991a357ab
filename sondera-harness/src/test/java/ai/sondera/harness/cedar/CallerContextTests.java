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

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.sondera.harness.Caller;
import ai.sondera.harness.Decision;
import ai.sondera.harness.Trajectory;

import static ai.sondera.harness.cedar.Harnesses.toolCall;
import static ai.sondera.harness.cedar.Harnesses.toolResult;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies read who is calling as {@code context.caller} at the tool stages.
 */
class CallerContextTests {

	private static final String POLICIES = """
			@id("allow-all") permit(principal, action, resource);
			@id("no-untrusted-clients") @reason("Untrusted clients may not search")
			forbid(principal, action == MyAgent::Action::"Search", resource)
			when { context has caller && context.caller has client && context.caller.client == "untrusted" };
			@id("only-ana-reads-results")
			forbid(principal, action == MyAgent::Action::"Fetch", resource)
			when { !(context has caller && context.caller has principal && context.caller.principal == "ana") };
			""";

	private static Trajectory start(Caller caller) {
		return Harnesses.of(POLICIES, TestAgents.MY_AGENT).initialize(TestAgents.MY_AGENT, "s", caller);
	}

	@Test
	void policiesTellCallersApart() {
		Map<String, Object> search = Map.of("query", "x");
		assertThat(toolCall(start(new Caller(null, "untrusted")), "Search", search).decision())
			.isEqualTo(Decision.DENY);
		assertThat(toolCall(start(new Caller(null, "ide")), "Search", search).decision()).isEqualTo(Decision.ALLOW);
		assertThat(toolCall(start(null), "Search", search).decision()).isEqualTo(Decision.ALLOW);
	}

	@Test
	void callerIsReadAtPostToolToo() {
		Map<String, Object> page = Map.of("status", 200, "body", "ok");
		assertThat(toolResult(start(new Caller("ana", "ide")), "Fetch", page).decision()).isEqualTo(Decision.ALLOW);
		assertThat(toolResult(start(new Caller("bob", "ide")), "Fetch", page).decision()).isEqualTo(Decision.DENY);
		assertThat(toolResult(start(null), "Fetch", page).decision()).isEqualTo(Decision.DENY);
	}

	@Test
	void unguardedReadOfAnAbsentCallerFailsClosed() {
		Trajectory trajectory = Harnesses.of("""
				@id("allow-all") permit(principal, action, resource);
				@id("no-untrusted") forbid(principal, action == MyAgent::Action::"Search", resource)
				when { context.caller.client == "untrusted" };
				""", TestAgents.MY_AGENT).initialize(TestAgents.MY_AGENT, null);
		assertThat(toolCall(trajectory, "Search", Map.of("query", "x")).decision()).isEqualTo(Decision.DENY);
	}

}
