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

package ai.sondera.spring.ai.tool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

import ai.sondera.harness.Harness;
import ai.sondera.harness.Trajectory;
import ai.sondera.spring.ai.GuardedExecution;
import ai.sondera.spring.ai.SonderaContextKeys;

/**
 * A {@link ToolCallingManager} that puts every tool call under policy: before the
 * delegate executes a round of tool calls, each tool (given in the options or resolved
 * by name) is replaced by a {@link GuardedToolCallback} bound to the round's trajectory.
 * The trajectory comes from the tool context ({@link SonderaContextKeys#TRAJECTORY}) when an outer
 * component (the ChatClient advisor) keeps one per conversation; otherwise each round
 * gets its own.
 *
 * @author Sondera
 */
public class GuardedToolCallingManager implements ToolCallingManager {

	private final ToolCallingManager delegate;

	private final Harness harness;

	private final AgentToolCatalog catalog;

	private final ToolCallGuard guard;

	private final Function<String, ToolCallback> resolver;

	/**
	 * Guard a tool-calling manager.
	 * @param delegate the real manager
	 * @param harness the harness
	 * @param catalog the agent's tools
	 * @param guard the checkpoint
	 * @param resolver finds a tool the options do not carry by name when the delegate
	 * would too, or returns {@code null}
	 */
	public GuardedToolCallingManager(ToolCallingManager delegate, Harness harness, AgentToolCatalog catalog,
			ToolCallGuard guard, Function<String, ToolCallback> resolver) {
		this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
		this.harness = Objects.requireNonNull(harness, "'harness' must not be null");
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.guard = Objects.requireNonNull(guard, "'guard' must not be null");
		this.resolver = Objects.requireNonNull(resolver, "'resolver' must not be null");
	}

	/**
	 * Return the real manager.
	 * @return the delegate
	 */
	public ToolCallingManager getDelegate() {
		return this.delegate;
	}

	@Override
	public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
		return this.delegate.resolveToolDefinitions(chatOptions);
	}

	@Override
	public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
		ToolCallingChatOptions options = (prompt.getOptions() instanceof ToolCallingChatOptions toolOptions)
				? toolOptions : ToolCallingChatOptions.builder().build();
		List<ToolCallback> tools = tools(options, chatResponse);
		Map<String, Object> toolContext = options.getToolContext();
		Trajectory bound = (toolContext != null
				&& toolContext.get(SonderaContextKeys.TRAJECTORY) instanceof Trajectory trajectory) ? trajectory : null;
		return GuardedExecution.run(this.harness, bound, () -> this.catalog.include(definitions(tools)),
				(trajectory) -> {
					List<ToolCallback> guarded = new ArrayList<>(tools.size());
					for (ToolCallback tool : tools) {
						ToolCallback real = (tool instanceof GuardedToolCallback guardedTool) ? guardedTool.getDelegate()
								: tool;
						guarded.add(new GuardedToolCallback(real, this.guard, trajectory));
					}
					ToolCallingChatOptions guardedOptions = options.mutate()
						.toolCallbacks(guarded)
						.toolContext(SonderaContextKeys.TRAJECTORY, trajectory)
						.build();
					return this.delegate.executeToolCalls(new Prompt(prompt.getInstructions(), guardedOptions),
							chatResponse);
				});
	}

	private List<ToolCallback> tools(ToolCallingChatOptions options, ChatResponse chatResponse) {
		List<ToolCallback> tools = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		if (options.getToolCallbacks() != null) {
			for (ToolCallback tool : options.getToolCallbacks()) {
				tools.add(tool);
				names.add(tool.getToolDefinition().name());
			}
		}
		for (Generation generation : chatResponse.getResults()) {
			for (AssistantMessage.ToolCall call : generation.getOutput().getToolCalls()) {
				if (names.add(call.name())) {
					ToolCallback resolved = this.resolver.apply(call.name());
					if (resolved != null) {
						tools.add(resolved);
					}
				}
			}
		}
		return tools;
	}

	private static List<ToolDefinition> definitions(List<ToolCallback> tools) {
		return tools.stream().map(ToolCallback::getToolDefinition).toList();
	}

}
