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

/**
 * Thrown by a {@link RuntimeTool} that refuses a call policy allowed, before doing
 * anything (for example {@code tool.http_get} to a host outside the allowlist). The
 * runtime answers it as a denial.
 *
 * @author Sondera
 */
public class ToolRefusedException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param reason why the call was refused
	 */
	public ToolRefusedException(String reason) {
		super(reason);
	}

}
