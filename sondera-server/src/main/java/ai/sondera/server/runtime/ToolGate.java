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

import java.util.Map;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.json.ModelJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call under policy: PRE_TOOL (written to the audit log before anything
 * runs), the tool only when allowed, then POST_TOOL on its output. An escalation is
 * denied: the runtime has nobody to ask. A kind without an implementation is denied by
 * the harness as an unknown tool and never runs.
 *
 * @author Sondera
 */
final class ToolGate {

	private static final Logger logger = LoggerFactory.getLogger(ToolGate.class);

	private final Map<String, RuntimeTool> tools;

	private final String policyRef;

	ToolGate(Map<String, RuntimeTool> tools, String policyRef) {
		this.tools = tools;
		this.policyRef = policyRef;
	}

	String policyRef() {
		return this.policyRef;
	}

	ToolCallOutcome call(Trajectory trajectory, String kind, Map<String, Object> params) {
		String toolName = ToolKinds.toolName(kind);
		Adjudication before = trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent(toolName, params));
		if (!before.isAllowed()) {
			return ToolCallOutcome.denied(reason(before), this.policyRef, before.auditId());
		}
		RuntimeTool tool = this.tools.get(kind);
		if (tool == null) {
			return ToolCallOutcome.denied("No tool '" + kind + "' in this runtime (it has " + this.tools.keySet()
					+ "); it was not run", this.policyRef, before.auditId());
		}
		Object output;
		try {
			output = ModelJson.toJsonValue(tool.run(params));
		}
		catch (ToolRefusedException ex) {
			return ToolCallOutcome.denied(ex.getMessage(), this.policyRef, before.auditId());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ToolCallOutcome.failed(kind + " was interrupted", this.policyRef, before.auditId());
		}
		catch (Exception ex) {
			logger.debug("{} failed", kind, ex);
			return ToolCallOutcome.failed(kind + " failed: " + ex, this.policyRef, before.auditId());
		}
		Adjudication after = trajectory.adjudicate(Stage.POST_TOOL, Role.TOOL, new ToolResponseContent(toolName, output));
		if (!after.isAllowed()) {
			return ToolCallOutcome.denied("Output withheld: " + reason(after), this.policyRef, after.auditId());
		}
		return ToolCallOutcome.allowed(output, this.policyRef, before.auditId());
	}

	private static String reason(Adjudication adjudication) {
		return adjudication.isEscalated()
				? "Escalated, and this runtime has no approver, so it is denied: " + adjudication.reason()
				: adjudication.reason();
	}

}
