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

import java.util.Objects;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

import ai.sondera.harness.Trajectory;

/**
 * A {@link ToolCallback} that runs the real tool only when policy allows it, within one
 * trajectory.
 *
 * @author Sondera
 */
public final class GuardedToolCallback implements ToolCallback {

	private final ToolCallback delegate;

	private final ToolCallGuard guard;

	private final Trajectory trajectory;

	/**
	 * Guard a tool.
	 * @param delegate the real tool
	 * @param guard the checkpoint
	 * @param trajectory the trajectory its calls belong to
	 */
	public GuardedToolCallback(ToolCallback delegate, ToolCallGuard guard, Trajectory trajectory) {
		this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
		this.guard = Objects.requireNonNull(guard, "'guard' must not be null");
		this.trajectory = Objects.requireNonNull(trajectory, "'trajectory' must not be null");
	}

	/**
	 * Return the real tool.
	 * @return the delegate
	 */
	public ToolCallback getDelegate() {
		return this.delegate;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, ToolContext toolContext) {
		return this.guard.call(this.delegate, toolInput, toolContext, this.trajectory);
	}

}
