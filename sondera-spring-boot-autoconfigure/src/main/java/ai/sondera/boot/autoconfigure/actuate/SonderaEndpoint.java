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

package ai.sondera.boot.autoconfigure.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.Tool;
import ai.sondera.harness.policy.LoadedPolicyInfo;
import ai.sondera.harness.policy.PolicyDescriptor;
import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalRequest;
import ai.sondera.spring.ai.approval.ApprovalScope;
import ai.sondera.spring.ai.approval.PendingApprovals;
import ai.sondera.spring.ai.observation.DecisionCounter;
import ai.sondera.spring.ai.reload.PolicyReloader;
import ai.sondera.spring.ai.tool.AgentToolCatalog;
import ai.sondera.spring.ai.tool.ToolGuardReport;

/**
 * The {@code sondera} actuator endpoint: the agent and its generated Cedar schema, where
 * each tool is guarded, the loaded policies and their sources, the policy set's version, decisions since start, pending approvals;
 * and a write operation to approve or reject a pending approval.
 *
 * @author Sondera
 */
@Endpoint(id = "sondera")
public class SonderaEndpoint {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final PolicyAdministration harness;

	private final AgentToolCatalog catalog;

	private final DecisionCounter decisions;

	private final PendingApprovals pending;

	private final PolicyReloader reloader;

	private final Supplier<List<ToolGuardReport>> tools;

	/**
	 * Create the endpoint.
	 * @param harness the harness
	 * @param catalog the agent's tools
	 * @param decisions the decision counts
	 * @param pending the pending approvals, or {@code null}
	 * @param reloader the policy reloader, or {@code null}
	 * @param tools where each tool is guarded
	 */
	public SonderaEndpoint(PolicyAdministration harness, AgentToolCatalog catalog, DecisionCounter decisions,
			@Nullable PendingApprovals pending, @Nullable PolicyReloader reloader,
			Supplier<List<ToolGuardReport>> tools) {
		this.harness = harness;
		this.catalog = catalog;
		this.decisions = decisions;
		this.pending = pending;
		this.reloader = reloader;
		this.tools = tools;
	}

	/**
	 * Describe the harness.
	 * @return the description
	 */
	@ReadOperation
	@SuppressWarnings("unchecked")
	public Map<String, Object> sondera() {
		Agent agent = this.catalog.agent();
		Map<String, List<String>> appliesTo = new LinkedHashMap<>();
		for (PolicyDescriptor policy : this.harness.policies(agent)) {
			appliesTo.put(policy.id(), policy.appliesTo());
		}
		List<Map<String, Object>> policies = new ArrayList<>();
		for (LoadedPolicyInfo policy : this.harness.loadedPolicies()) {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("id", policy.metadata().id());
			description.put("effect", policy.effect());
			description.put("source", policy.origin() + ":" + policy.line());
			description.put("description", policy.metadata().description());
			description.put("escalate", policy.metadata().escalate());
			description.put("escalateArg", policy.metadata().escalateArg());
			description.put("custom", policy.metadata().custom());
			description.put("sha256", policy.sha256());
			description.put("appliesTo", appliesTo.getOrDefault(policy.metadata().id(), List.of()));
			policies.add(description);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("agent", Map.of("id", agent.id(), "name", agent.name(), "namespace", agent.namespace(), "tools",
				agent.tools().stream().map(Tool::name).toList()));
		result.put("schema", MAPPER.convertValue(this.harness.schema(agent), Map.class));
		result.put("policyVersion", this.harness.policyVersion());
		result.put("policiesLoadedAt", this.harness.policiesLoadedAt().toString());
		result.put("tools", this.tools.get());
		result.put("policySetDigest", this.harness.policySetDigest());
		result.put("sources", this.harness.policySources());
		result.put("policies", policies);
		Map<String, Object> counts = new LinkedHashMap<>();
		for (Decision decision : Decision.values()) {
			counts.put(decision.wireName(), this.decisions.count(decision));
		}
		counts.put("error", this.decisions.errors());
		result.put("decisions", counts);
		result.put("shadowMatches", this.decisions.shadowMatches());
		result.put("pendingApprovals", (this.pending != null) ? this.pending.pending() : List.of());
		if (this.reloader != null) {
			PolicyReloader.ReloadStatus status = this.reloader.status();
			Map<String, Object> reload = new LinkedHashMap<>();
			reload.put("reloads", status.reloads());
			reload.put("failures", status.failures());
			reload.put("lastError", status.lastError());
			result.put("reload", reload);
		}
		return result;
	}

	/**
	 * Approve or reject a pending approval.
	 * @param id the approval request id
	 * @param decision {@code approve} or {@code reject}
	 * @param approver who decides
	 * @param comment why
	 * @param scope how far an approval reaches: {@code once} (the default),
	 * {@code conversation}, an ISO-8601 instant or a duration ({@code PT1H}) until which
	 * the same call needs no new approval
	 * @return what happened
	 */
	@WriteOperation
	public Map<String, Object> decide(@Selector String id, String decision, @Nullable String approver,
			@Nullable String comment, @Nullable String scope) {
		if (this.pending == null) {
			return Map.of("id", id, "updated", false, "reason",
					"pending approvals are off; set sondera.approval.pending.enabled=true");
		}
		ApprovalRequest request = this.pending.get(id).orElse(null);
		String who = (approver != null) ? approver : "actuator";
		boolean updated = switch (decision) {
			case "approve" -> this.pending.decide(id,
					ApprovalDecision.approve(who, comment).withScope(ApprovalScope.parse(scope, Instant.now())));
			case "reject" -> this.pending.reject(id, who, comment);
			default -> throw new IllegalArgumentException("decision must be 'approve' or 'reject', not '" + decision + "'");
		};
		return Map.of("id", id, "updated", updated, "tool", (request != null && request.toolName() != null)
				? request.toolName() : "none");
	}

}
