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

package ai.sondera.harness.support;

import ai.sondera.harness.Content;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.json.PythonJson;

/**
 * One line for people about what a step was about: {@code shell {"command": "ls"}},
 * {@code shell returned "..."} or the text itself.
 *
 * @author Sondera
 */
public final class ContentText {

	private ContentText() {
	}

	/**
	 * Describe a step's content.
	 * @param content the content
	 * @return the description
	 */
	public static String describe(Content content) {
		if (content instanceof ToolRequestContent call) {
			return call.toolId() + " " + PythonJson.write(call.arguments());
		}
		if (content instanceof ToolResponseContent result) {
			return result.toolId() + " returned " + PythonJson.write(result.response());
		}
		return ((PromptContent) content).text();
	}

}
