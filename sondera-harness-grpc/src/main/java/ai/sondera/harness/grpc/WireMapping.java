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
package ai.sondera.harness.grpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Content;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.grpc.wire.core.v1.PolicyAnnotations;
import ai.sondera.harness.grpc.wire.core.v1.Prompt;
import ai.sondera.harness.grpc.wire.core.v1.ToolRequest;
import ai.sondera.harness.grpc.wire.core.v1.ToolResponse;

/**
 * The core API to and from the wire ({@code sondera.core.v1}), by the rules of the Sondera
 * SDK v0.8.1: enums by number, never by ordinal; content as exactly one arm of the
 * {@code oneof}; an adjudication's policies as {@code annotations} (and their ids in
 * {@code policy_ids}). The wire has no place for {@code escalate}: an escalating policy
 * carries {@code custom["escalate"] = <argument>}, which a Java client reads back (a
 * Python client shows it as a tag).
 *
 * @author Sondera
 */
public final class WireMapping {

	/** The custom annotation that carries a policy's {@code @escalate} argument. */
	public static final String ESCALATE = "escalate";

	private WireMapping() {
	}

	/**
	 * Write a stage.
	 * @param stage the stage
	 * @return the wire stage
	 */
	public static ai.sondera.harness.grpc.wire.core.v1.Stage stage(Stage stage) {
		return switch (stage) {
			case PRE_RUN -> ai.sondera.harness.grpc.wire.core.v1.Stage.STAGE_PRE_RUN;
			case PRE_MODEL -> ai.sondera.harness.grpc.wire.core.v1.Stage.STAGE_PRE_MODEL;
			case POST_MODEL -> ai.sondera.harness.grpc.wire.core.v1.Stage.STAGE_POST_MODEL;
			case PRE_TOOL -> ai.sondera.harness.grpc.wire.core.v1.Stage.STAGE_PRE_TOOL;
			case POST_TOOL -> ai.sondera.harness.grpc.wire.core.v1.Stage.STAGE_POST_TOOL;
			case POST_RUN -> ai.sondera.harness.grpc.wire.core.v1.Stage.STAGE_POST_RUN;
		};
	}

	/**
	 * Read a stage.
	 * @param stage the wire stage
	 * @return the stage
	 * @throws IllegalArgumentException for {@code STAGE_UNSPECIFIED} or an unknown number
	 */
	public static Stage stage(ai.sondera.harness.grpc.wire.core.v1.Stage stage) {
		return switch (stage) {
			case STAGE_PRE_RUN -> Stage.PRE_RUN;
			case STAGE_PRE_MODEL -> Stage.PRE_MODEL;
			case STAGE_POST_MODEL -> Stage.POST_MODEL;
			case STAGE_PRE_TOOL -> Stage.PRE_TOOL;
			case STAGE_POST_TOOL -> Stage.POST_TOOL;
			case STAGE_POST_RUN -> Stage.POST_RUN;
			default -> throw new IllegalArgumentException("stage must be set, but was " + stage);
		};
	}

	/**
	 * Write a role.
	 * @param role the role
	 * @return the wire role
	 */
	public static ai.sondera.harness.grpc.wire.core.v1.Role role(Role role) {
		return switch (role) {
			case USER -> ai.sondera.harness.grpc.wire.core.v1.Role.ROLE_USER;
			case MODEL -> ai.sondera.harness.grpc.wire.core.v1.Role.ROLE_MODEL;
			case TOOL -> ai.sondera.harness.grpc.wire.core.v1.Role.ROLE_TOOL;
			case SYSTEM -> ai.sondera.harness.grpc.wire.core.v1.Role.ROLE_SYSTEM;
		};
	}

	/**
	 * Read a role.
	 * @param role the wire role
	 * @return the role
	 * @throws IllegalArgumentException for {@code ROLE_UNSPECIFIED} or an unknown number
	 */
	public static Role role(ai.sondera.harness.grpc.wire.core.v1.Role role) {
		return switch (role) {
			case ROLE_USER -> Role.USER;
			case ROLE_MODEL -> Role.MODEL;
			case ROLE_TOOL -> Role.TOOL;
			case ROLE_SYSTEM -> Role.SYSTEM;
			default -> throw new IllegalArgumentException("role must be set, but was " + role);
		};
	}

	/**
	 * Write a tool.
	 * @param tool the tool
	 * @return the wire tool, with the schemas it has
	 */
	public static ai.sondera.harness.grpc.wire.core.v1.Tool tool(Tool tool) {
		ai.sondera.harness.grpc.wire.core.v1.Tool.Builder wire = ai.sondera.harness.grpc.wire.core.v1.Tool.newBuilder()
			.setName(tool.name())
			.setDescription(tool.description());
		if (tool.inputSchema() != null) {
			wire.setParametersJsonSchema(tool.inputSchema());
		}
		if (tool.outputSchema() != null) {
			wire.setResponseJsonSchema(tool.outputSchema());
		}
		return wire.build();
	}

	/**
	 * Read tools.
	 * @param tools the wire tools
	 * @return the tools, without a schema where the wire has none
	 */
	public static List<Tool> tools(List<ai.sondera.harness.grpc.wire.core.v1.Tool> tools) {
		List<Tool> read = new ArrayList<>();
		for (ai.sondera.harness.grpc.wire.core.v1.Tool tool : tools) {
			read.add(new Tool(tool.getName(), tool.getDescription(),
					tool.hasParametersJsonSchema() ? tool.getParametersJsonSchema() : null,
					tool.hasResponseJsonSchema() ? tool.getResponseJsonSchema() : null));
		}
		return read;
	}

	/**
	 * Write content: exactly one arm of the {@code oneof}.
	 * @param content the content
	 * @return the wire content
	 */
	public static ai.sondera.harness.grpc.wire.core.v1.Content content(Content content) {
		ai.sondera.harness.grpc.wire.core.v1.Content.Builder wire = ai.sondera.harness.grpc.wire.core.v1.Content
			.newBuilder();
		if (content instanceof PromptContent prompt) {
			wire.setPrompt(Prompt.newBuilder().setText(prompt.text()));
		}
		else if (content instanceof ToolRequestContent request) {
			wire.setToolRequest(ToolRequest.newBuilder()
				.setToolId(request.toolId())
				.setArgs(WireValues.arguments(request.arguments())));
		}
		else {
			ToolResponseContent response = (ToolResponseContent) content;
			wire.setToolResponse(ToolResponse.newBuilder()
				.setToolId(response.toolId())
				.setResponse(WireValues.response(response.response())));
		}
		return wire.build();
	}

	/**
	 * Read content.
	 * @param content the wire content
	 * @return the content
	 * @throws IllegalArgumentException if no arm is set, or a value cannot be read
	 */
	public static Content content(ai.sondera.harness.grpc.wire.core.v1.Content content) {
		return switch (content.getContentTypeCase()) {
			case PROMPT -> new PromptContent(content.getPrompt().getText());
			case TOOL_REQUEST -> new ToolRequestContent(content.getToolRequest().getToolId(),
					WireValues.readArguments(content.getToolRequest().getArgs()));
			case TOOL_RESPONSE -> new ToolResponseContent(content.getToolResponse().getToolId(),
					WireValues.read(content.getToolResponse().getResponse()));
			case CONTENTTYPE_NOT_SET -> throw new IllegalArgumentException("content must have one of prompt,"
					+ " tool_request or tool_response");
		};
	}

	/**
	 * Write an adjudication: decision 1-3, the reason, the policies as annotations (an
	 * escalating policy with {@code custom["escalate"]}) and their ids.
	 * @param adjudication the adjudication
	 * @return the wire adjudication
	 */
	public static ai.sondera.harness.grpc.wire.core.v1.Adjudication adjudication(Adjudication adjudication) {
		ai.sondera.harness.grpc.wire.core.v1.Adjudication.Builder wire = ai.sondera.harness.grpc.wire.core.v1.Adjudication
			.newBuilder()
			.setDecision(decision(adjudication.decision()))
			.setReason(adjudication.reason());
		for (PolicyMetadata policy : adjudication.policies()) {
			wire.addPolicyIds(policy.id());
			PolicyAnnotations.Builder annotations = PolicyAnnotations.newBuilder()
				.setId(policy.id())
				.putAllCustom(policy.custom());
			if (policy.description() != null) {
				annotations.setDescription(policy.description());
			}
			if (policy.escalate()) {
				annotations.putCustom(ESCALATE, policy.escalateArg());
			}
			wire.addAnnotations(annotations);
		}
		return wire.build();
	}

	/**
	 * Read an adjudication; a policy of an ESCALATE result that carries
	 * {@code custom["escalate"]} is escalating, with that argument.
	 * @param adjudication the wire adjudication
	 * @return the adjudication
	 * @throws IllegalArgumentException if the decision is not 1-3
	 */
	public static Adjudication adjudication(ai.sondera.harness.grpc.wire.core.v1.Adjudication adjudication) {
		Decision decision = decision(adjudication.getDecision());
		List<PolicyMetadata> policies = new ArrayList<>();
		for (PolicyAnnotations annotations : adjudication.getAnnotationsList()) {
			Map<String, String> custom = new LinkedHashMap<>(annotations.getCustomMap());
			String escalateArg = (decision == Decision.ESCALATE) ? custom.remove(ESCALATE) : null;
			policies.add(new PolicyMetadata(annotations.hasId() ? annotations.getId() : "",
					annotations.hasDescription() ? annotations.getDescription() : "", escalateArg != null,
					(escalateArg != null) ? escalateArg : "", custom));
		}
		return new Adjudication(decision, adjudication.getReason(), policies);
	}

	private static ai.sondera.harness.grpc.wire.core.v1.Decision decision(Decision decision) {
		return switch (decision) {
			case ALLOW -> ai.sondera.harness.grpc.wire.core.v1.Decision.DECISION_ALLOW;
			case DENY -> ai.sondera.harness.grpc.wire.core.v1.Decision.DECISION_DENY;
			case ESCALATE -> ai.sondera.harness.grpc.wire.core.v1.Decision.DECISION_ESCALATE;
		};
	}

	private static Decision decision(ai.sondera.harness.grpc.wire.core.v1.Decision decision) {
		return switch (decision) {
			case DECISION_ALLOW -> Decision.ALLOW;
			case DECISION_DENY -> Decision.DENY;
			case DECISION_ESCALATE -> Decision.ESCALATE;
			default -> throw new IllegalArgumentException("decision must be ALLOW, DENY or ESCALATE, but was " + decision);
		};
	}

}
