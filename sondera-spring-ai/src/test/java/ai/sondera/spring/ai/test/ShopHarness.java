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
package ai.sondera.spring.ai.test;

import java.util.List;

import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;

import ai.sondera.harness.Agent;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.InMemoryTrajectoryStore;
import ai.sondera.spring.ai.tool.AgentToolCatalog;

/**
 * A real Cedar harness over {@link ShopTools}, its agent and its policies: purchases of
 * more than 5 of anything are denied, guns are escalated, receipts may not show secrets
 * and prompts may not ask for discounts.
 */
public final class ShopHarness {

	/** The policies of the shop agent. */
	public static final String POLICIES = """
			@id("allow-all") permit(principal, action, resource);
			@id("bulk") @reason("No more than 5 of anything") forbid(principal, action == Shop::Action::"buy", resource)
			when { context.parameters.quantity > 5 };
			@id("weapons") @escalate("security") @reason("Weapons need approval")
			forbid(principal, action == Shop::Action::"buy", resource) when { context.parameters.item == "gun" };
			@id("no-secrets") @reason("Secrets stay inside") forbid(principal, action, resource)
			when { context.response_json like "*SECRET*" };
			@id("no-discounts") @reason("No discount talk") forbid(principal, action == Shop::Action::"Prompt", resource)
			when { resource.content like "*discount*" };
			""";

	private ShopHarness() {
	}

	/**
	 * Return the tools of a {@link ShopTools} object as Spring AI callbacks.
	 * @param tools the tools
	 * @return the callbacks
	 */
	public static List<ToolCallback> callbacks(ShopTools tools) {
		return List.of(ToolCallbacks.from(tools));
	}

	/**
	 * Return the shop agent with its tools.
	 * @return the agent
	 */
	public static Agent agent() {
		return new Agent("shop", "test", "Shop", "", "", callbacks(new ShopTools()).stream()
			.map((tool) -> AgentToolCatalog.toTool(tool.getToolDefinition()))
			.toList());
	}

	/**
	 * Build the harness, with trajectories in memory.
	 * @return the harness
	 */
	public static CedarPolicyHarness harness() {
		return CedarPolicyHarness.builder()
			.policies(POLICIES)
			.agent(agent())
			.store(new InMemoryTrajectoryStore())
			.build();
	}

}
