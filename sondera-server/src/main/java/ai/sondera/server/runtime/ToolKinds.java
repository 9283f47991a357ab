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

import java.util.regex.Pattern;

/**
 * The documented, reversible mapping between a runtime tool kind ({@code tool.http_get})
 * and the tool, and so the Cedar action, that policies name ({@code tool__http_get}): every
 * {@code .} becomes {@code __}. A kind is dot-separated identifiers without {@code __}, so
 * the mapping can be read back exactly (every {@code __} is a {@code .}).
 *
 * @author Sondera
 */
public final class ToolKinds {

	private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63}){0,7}");

	private ToolKinds() {
	}

	/**
	 * Return the tool name of a kind.
	 * @param kind the kind, for example {@code tool.echo}
	 * @return the tool name, for example {@code tool__echo}
	 * @throws IllegalArgumentException if the kind is not dot-separated identifiers or
	 * contains {@code __}
	 */
	public static String toolName(String kind) {
		if (!KIND.matcher(kind).matches() || kind.contains("__")) {
			throw new IllegalArgumentException("'kind' must be dot-separated identifiers such as \"tool.echo\""
					+ " (letters, digits and single underscores), but was \"" + abbreviate(kind) + "\"");
		}
		return kind.replace(".", "__");
	}

	private static String abbreviate(String kind) {
		return (kind.length() <= 80) ? kind : kind.substring(0, 80) + "...";
	}

}
