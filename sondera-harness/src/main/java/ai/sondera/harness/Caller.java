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
package ai.sondera.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is calling the agent's tools, when the application knows it: the authenticated
 * principal and the name the calling client declared (an MCP client's
 * {@code clientInfo.name}). Policies read it at PRE_TOOL and POST_TOOL as
 * {@code context.caller.principal} and {@code context.caller.client}; both are optional
 * (test them with {@code has}), and absent when the trajectory has no caller.
 *
 * @param principal the authenticated principal's name, or {@code null}
 * @param client the name the client declared, or {@code null}
 * @author Sondera
 */
public record Caller(String principal, String client) {

	/**
	 * Return the known attributes, by Cedar attribute name.
	 * @return the attributes (empty when nothing is known)
	 */
	public Map<String, String> attributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		if (this.principal != null) {
			attributes.put("principal", this.principal);
		}
		if (this.client != null) {
			attributes.put("client", this.client);
		}
		return attributes;
	}

}
