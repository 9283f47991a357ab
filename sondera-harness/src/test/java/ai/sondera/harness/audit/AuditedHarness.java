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

package ai.sondera.harness.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.InMemoryTrajectoryStore;

/**
 * Builds a harness that audits to a directory, for the audit tests and the crash child.
 */
final class AuditedHarness {

	static final Agent AGENT = new Agent("shop", "test", "Shop", "", "", List.of(Tool.of("buy", "Buy",
			"{\"type\": \"object\", \"properties\": {\"item\": {\"type\": \"string\"}}, \"required\": [\"item\"]}")));

	private AuditedHarness() {
	}

	static CedarPolicyHarness create(AuditLog auditLog) {
		return CedarPolicyHarness.builder().policies("""
				@id("allow-all") permit(principal, action, resource);
				@id("no-guns") @reason("Not for sale") forbid(principal, action == Shop::Action::"buy", resource)
				when { context.parameters.item == "gun" };
				""").agent(AGENT).store(new InMemoryTrajectoryStore()).auditLog(auditLog).build();
	}

	static Adjudication buy(Trajectory trajectory, String item) {
		return trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("buy", Map.of("item", item)));
	}

	static Path file(Path directory) {
		return directory.resolve(FileAuditLog.FILE_NAME);
	}

}
