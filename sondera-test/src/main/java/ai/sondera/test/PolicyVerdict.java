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

package ai.sondera.test;

import java.util.Locale;
import java.util.stream.Collectors;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Content;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.json.PythonJson;

/**
 * What the policies decided for one step, and the step.
 *
 * @param stage the stage
 * @param role who produced the content
 * @param content what was adjudicated
 * @param stepCount the step count the policies saw ({@code resource.step_count}, this step
 * included)
 * @param adjudication the decision
 * @author Sondera
 */
public record PolicyVerdict(Stage stage, Role role, Content content, long stepCount, Adjudication adjudication) {

	/**
	 * Describe the request as the policies saw it: stage, action, the context the
	 * content gives, and the step count.
	 * @return the description
	 */
	public String request() {
		String context;
		if (this.content instanceof ToolRequestContent call) {
			context = "action \"" + call.toolId() + "\", context.parameters = " + PythonJson.write(call.arguments());
		}
		else if (this.content instanceof ToolResponseContent result) {
			context = "action \"" + result.toolId() + "\", context.response = " + PythonJson.write(result.response());
		}
		else {
			context = "action \"Prompt\", resource.role = " + this.role.name().toLowerCase(Locale.ROOT)
					+ ", resource.content = " + PythonJson.write(((PromptContent) this.content).text());
		}
		return this.stage + " " + context + ", resource.step_count = " + this.stepCount;
	}

	/**
	 * Describe the decision: decision, reason and policy ids.
	 * @return the description
	 */
	public String decision() {
		return this.adjudication.decision() + " (" + this.adjudication.reason() + "; policies: "
				+ this.adjudication.policies().stream().map(PolicyMetadata::id).collect(Collectors.joining(", ", "[", "]"))
				+ ")";
	}

	@Override
	public String toString() {
		return decision() + " for " + request();
	}

}
