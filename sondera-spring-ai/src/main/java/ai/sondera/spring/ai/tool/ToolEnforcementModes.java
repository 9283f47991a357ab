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

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import ai.sondera.spring.ai.EnforcementMode;

/**
 * The {@link EnforcementMode} of each tool: a configured mode for the tool wins, then a
 * {@link ToolPolicy} annotation on its method, then the default.
 *
 * @author Sondera
 */
public class ToolEnforcementModes implements Function<String, EnforcementMode> {

	private final EnforcementMode defaultMode;

	private final Map<String, EnforcementMode> configured;

	private final Map<String, EnforcementMode> annotated = new ConcurrentHashMap<>();

	/**
	 * Create the modes.
	 * @param defaultMode the mode of tools without their own, and of model text
	 * @param configured modes configured per tool name
	 */
	public ToolEnforcementModes(EnforcementMode defaultMode, Map<String, EnforcementMode> configured) {
		this.defaultMode = Objects.requireNonNull(defaultMode, "'defaultMode' must not be null");
		this.configured = Map.copyOf(configured);
	}

	/**
	 * Add modes read from {@link ToolPolicy} annotations.
	 * @param modes the modes by tool name
	 */
	public void addAnnotated(Map<String, EnforcementMode> modes) {
		this.annotated.putAll(modes);
	}

	@Override
	public EnforcementMode apply(String toolName) {
		if (toolName == null) {
			return this.defaultMode;
		}
		EnforcementMode mode = this.configured.get(toolName);
		if (mode == null) {
			mode = this.annotated.get(toolName);
		}
		return (mode != null) ? mode : this.defaultMode;
	}

}
