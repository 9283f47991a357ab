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
package ai.sondera.server.runtime;

import java.util.List;
import java.util.Set;

import ai.sondera.harness.Agent;

/**
 * The runtime's built-in tools and the agent that holds them: the Cedar namespace
 * {@code Runtime}, one action per tool ({@code Runtime::Action::"tool__echo"}, see
 * {@link ToolKinds}).
 *
 * @author Sondera
 */
public final class RuntimeTools {

	private RuntimeTools() {
	}

	static List<RuntimeTool> builtIns(Set<String> allowedHosts) {
		return List.of(new EchoTool(), new HttpGetTool(allowedHosts), new ShellTool());
	}

	static Agent agent(List<RuntimeTool> tools) {
		return new Agent("sondera-runtime", "sondera", "Runtime", "The Sondera tool runtime", "",
				tools.stream().map(RuntimeTool::definition).toList());
	}

	/**
	 * Return the agent of a runtime's built-in tools, whose actions policies name.
	 * @return the agent
	 */
	public static Agent agent() {
		return agent(builtIns(Set.of()));
	}

}
