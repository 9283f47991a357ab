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

package ai.sondera.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;

/**
 * The agent of the adjudication benchmarks: 20 tools ({@code tool0} to {@code tool19})
 * that take a {@code command} and a {@code count}.
 *
 * @author Sondera
 */
final class BenchmarkAgent {

	static final int TOOLS = 20;

	private BenchmarkAgent() {
	}

	static Agent create() {
		List<Tool> tools = new ArrayList<>();
		for (int i = 0; i < TOOLS; i++) {
			tools.add(Tool.of("tool" + i, "Tool " + i, """
					{"type": "object", "properties": {"command": {"type": "string"}, "count": {"type": "integer"}},
					 "required": ["command"]}"""));
		}
		return new Agent("bench-agent", "bench", "Bench", "", "", tools);
	}

	/**
	 * Return the call the benchmarks adjudicate: {@code command} and {@code count}, in
	 * the model's order.
	 * @param tool the tool called
	 * @return the call
	 */
	static ToolRequestContent request(String tool) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("command", "ls -la /var/log/app");
		arguments.put("count", 3);
		return new ToolRequestContent(tool, arguments);
	}

}
