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
package ai.sondera.spring.ai;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ToolContext;

/**
 * The keys under which Sondera keeps its state in Spring AI's advisor context and tool
 * context, in one place. None of these values may leave the process: a tool context
 * that is forwarded to a remote tool (an MCP server) must be stripped of them.
 *
 * @author Sondera
 */
public final class SonderaContextKeys {

	/** Prefix of every key below. */
	public static final String PREFIX = "sondera.";

	/** Tool context: the trajectory the tool calls of a request belong to. */
	public static final String TRAJECTORY = PREFIX + "trajectory";

	/**
	 * Tool context: marks requests whose tool calls are guarded where they run (by the
	 * guarded {@code ToolCallingManager}), so that the model boundary does not screen
	 * them again.
	 */
	public static final String TOOLS_GUARDED = PREFIX + "tools-guarded";

	/** Advisor context: the ChatClient call (its trajectory) the advisors share. */
	public static final String CALL = PREFIX + "call";

	/** Advisor parameter: {@code true} turns model-turn policies off for a client or call. */
	public static final String DISABLED = PREFIX + "disabled";

	private SonderaContextKeys() {
	}

	/**
	 * Return a tool context without Sondera's entries, for the tool itself: a tool may
	 * forward its context (Spring AI's MCP client sends it to the remote server as
	 * {@code _meta}), and nothing of ours may leave the process.
	 * @param context the tool context, or {@code null}
	 * @return the context without keys starting with {@link #PREFIX} (the same object if
	 * it has none), or {@code null}
	 */
	public static @Nullable ToolContext strip(@Nullable ToolContext context) {
		if (context == null || context.getContext().keySet().stream().noneMatch((key) -> key.startsWith(PREFIX))) {
			return context;
		}
		Map<String, Object> own = new LinkedHashMap<>(context.getContext());
		own.keySet().removeIf((key) -> key.startsWith(PREFIX));
		return new ToolContext(own);
	}

}
