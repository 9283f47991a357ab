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

package ai.sondera.boot.autoconfigure.tools;

import org.springframework.ai.tool.annotation.Tool;

import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.tool.ToolPolicy;

/**
 * {@code @Tool} methods on a plain object passed per request ({@code .tools(new ShellTools(...))}).
 */
public class ShellTools {

	private final SideEffects effects;

	public ShellTools(SideEffects effects) {
		this.effects = effects;
	}

	@Tool(description = "Run a shell command")
	@ToolPolicy(mode = EnforcementMode.BLOCK)
	public String run(String command) {
		this.effects.record("run", command);
		return "ran " + command;
	}

}
