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
import java.util.List;
import java.util.Set;

import ai.sondera.spring.ai.tool.ToolDiscovery.ToolOrigin;

/**
 * Where one tool is guarded, and where it is known but cannot be: a protection is never
 * claimed where it is not.
 *
 * @param tool the tool name
 * @param guardedAt the paths on which its calls are adjudicated
 * @param notGuarded the paths on which it can be called without adjudication, with why
 * @author Sondera
 */
public record ToolGuardReport(String tool, List<String> guardedAt, List<String> notGuarded) {

	/** Calls a model asks for through a ChatClient (or a client built on the model). */
	public static final String CHAT_CLIENT = "ChatClient tool calls";

	/** Calls of a bean's {@code @Tool} method from application code. */
	public static final String DIRECT_CALL = "direct @Tool method calls";

	/** Calls from MCP clients of the application's MCP server. */
	public static final String MCP_SERVER = "MCP server";

	/**
	 * Work out the paths of a tool from where it was found.
	 * @param tool the tool name
	 * @param origins where it was found
	 * @param aspectActive whether direct calls of {@code @Tool} bean methods are guarded
	 * @return the report
	 */
	public static ToolGuardReport of(String tool, Set<ToolOrigin> origins, boolean aspectActive) {
		List<String> guarded = new ArrayList<>();
		List<String> notGuarded = new ArrayList<>();
		if (!origins.equals(Set.of(ToolOrigin.SERVER))) {
			guarded.add(CHAT_CLIENT);
		}
		if (origins.contains(ToolOrigin.BEAN_METHOD)) {
			if (aspectActive) {
				guarded.add(DIRECT_CALL);
			}
			else {
				notGuarded.add(DIRECT_CALL + " (AspectJ is not on the classpath)");
			}
		}
		if (origins.contains(ToolOrigin.CLASS_METHOD) && !origins.contains(ToolOrigin.BEAN_METHOD)) {
			notGuarded.add("direct method calls (the class is not a Spring bean)");
		}
		if (origins.contains(ToolOrigin.TOOL_BEAN)) {
			notGuarded.add("ToolCallback.call() from application code");
		}
		if (origins.contains(ToolOrigin.SERVER)) {
			guarded.add(MCP_SERVER);
		}
		return new ToolGuardReport(tool, List.copyOf(guarded), List.copyOf(notGuarded));
	}

	@Override
	public String toString() {
		return this.tool + ": guarded at " + String.join(", ", this.guardedAt)
				+ (this.notGuarded.isEmpty() ? "" : "; not guarded at " + String.join(", ", this.notGuarded));
	}

}
