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

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.grpc.wire.core.v1.ModelMetadata;
import ai.sondera.harness.grpc.wire.harness.v1.AddTrajectoryStepRequest;
import ai.sondera.harness.grpc.wire.harness.v1.CreateTrajectoryRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The wire as the Sondera SDK v0.8.1 writes it: the spec's golden bytes, produced by the
 * Python serializer, and the SDK's value rules.
 */
class WireFormatTests {

	private static String hex(com.google.protobuf.MessageLite message) {
		return HexFormat.of().formatHex(message.toByteArray());
	}

	private static AddTrajectoryStepRequest step(Stage stage, Role role, ai.sondera.harness.Content content) {
		return AddTrajectoryStepRequest.newBuilder()
			.setTrajectoryId("traj-1")
			.setStage(WireMapping.stage(stage))
			.setRole(WireMapping.role(role))
			.setContent(WireMapping.content(content))
			.build();
	}

	@Test
	void toolRequestStepMatchesTheGoldenBytes() {
		assertThat(hex(step(Stage.PRE_TOOL, Role.TOOL, new ToolRequestContent("Bash", Map.of("command", "ls")))))
			.isEqualTo("0a067472616a2d3110041803221d121b0a044261736812132a110a0f0a07636f6d6d616e6412041a026c73");
	}

	@Test
	void promptStepMatchesTheGoldenBytesWithAndWithoutModelMetadata() {
		AddTrajectoryStepRequest prompt = step(Stage.PRE_MODEL, Role.USER, new PromptContent("hi"));
		assertThat(hex(prompt)).isEqualTo("0a067472616a2d311002180122060a040a026869");
		AddTrajectoryStepRequest withMetadata = prompt.toBuilder()
			.setModelMetadata(ModelMetadata.newBuilder().setModelName("m").setLatencyMs(0))
			.build();
		assertThat(hex(withMetadata)).isEqualTo("0a067472616a2d311002180122060a040a026869" + "2a050a016d2000");
	}

	@Test
	void escalationMatchesTheGoldenBytes() {
		ai.sondera.harness.grpc.wire.core.v1.Adjudication wire = ai.sondera.harness.grpc.wire.core.v1.Adjudication
			.newBuilder(WireMapping.adjudication(new Adjudication(Decision.ESCALATE, "r",
					List.of(new PolicyMetadata("p1", "desc", false, "", Map.of("k", "v"))))))
			.build();
		assertThat(hex(wire)).isEqualTo("08031201721a02703122120a0270311204646573631a060a016b120176");
	}

	@Test
	void createTrajectoryMatchesTheGoldenBytes() {
		assertThat(hex(CreateTrajectoryRequest.newBuilder().setAgentId("a").build())).isEqualTo("0a0161");
		assertThat(hex(CreateTrajectoryRequest.newBuilder().setAgentId("a").setSessionId("").build()))
			.isEqualTo("0a01611200");
	}

	@Test
	void emptyArgumentsTravelAsAValueWithNoKind() {
		ai.sondera.harness.grpc.wire.core.v1.Content content = WireMapping
			.content(new ToolRequestContent("Bash", Map.of()));
		assertThat(content.getToolRequest().hasArgs()).isTrue();
		assertThat(content.getToolRequest().getArgs().getKindCase()).isEqualTo(Value.KindCase.KIND_NOT_SET);
		assertThat(WireMapping.content(content)).isEqualTo(new ToolRequestContent("Bash", Map.of()));
	}

	@Test
	void argumentsComeBackInOrderWithWholeNumbersAsLongs() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("to", "bob");
		arguments.put("amount", 10000);
		arguments.put("rate", 0.5);
		arguments.put("tags", List.of("a", true));
		ToolRequestContent read = (ToolRequestContent) WireMapping
			.content(WireMapping.content(new ToolRequestContent("pay", arguments)));
		assertThat(read.arguments()).containsExactly(Map.entry("to", "bob"), Map.entry("amount", 10000L),
				Map.entry("rate", 0.5), Map.entry("tags", List.of("a", true)));
	}

	@Test
	void toolResponsesFollowThePythonRules() {
		assertThat(WireValues.response(Map.of("a", 1)).getStructValue().getFieldsMap()).containsKey("a");
		assertThat(WireValues.response(List.of(1)).hasListValue()).isTrue();
		assertThat(WireValues.response(42).getStringValue()).isEqualTo("42");
		assertThat(WireValues.response(true).getStringValue()).isEqualTo("True");
		assertThat(WireValues.response(null).getStringValue()).isEqualTo("None");
		assertThat(WireValues.response(1.5).getStringValue()).isEqualTo("1.5");
		assertThat(WireValues.response("text").getStringValue()).isEqualTo("text");
		assertThat(WireValues.response(List.of()).getKindCase()).isEqualTo(Value.KindCase.KIND_NOT_SET);
		assertThat(WireMapping.content(WireMapping.content(new ToolResponseContent("t", "done"))))
			.isEqualTo(new ToolResponseContent("t", "done"));
	}

	@Test
	void escalateArgumentSurvivesJavaToJava() {
		Adjudication escalated = new Adjudication(Decision.ESCALATE, "Escalated by policies: [big] Big",
				List.of(new PolicyMetadata("big", "Big", true, "finance", Map.of("team", "ops"))));
		ai.sondera.harness.grpc.wire.core.v1.Adjudication wire = WireMapping.adjudication(escalated);
		assertThat(wire.getPolicyIdsList()).containsExactly("big");
		assertThat(wire.getAnnotations(0).getCustomMap()).containsEntry("escalate", "finance").containsEntry("team", "ops");
		assertThat(WireMapping.adjudication(wire)).isEqualTo(escalated);
		Adjudication denied = new Adjudication(Decision.DENY, "Denied", List.of(new PolicyMetadata("x", null, false,
				"", Map.of())));
		assertThat(WireMapping.adjudication(WireMapping.adjudication(denied)).policies().get(0).description())
			.isEqualTo("");
	}

	@Test
	void unsetEnumsAndContentAndNonFiniteNumbersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> WireMapping.stage(ai.sondera.harness.grpc.wire.core.v1.Stage.STAGE_UNSPECIFIED));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WireMapping.role(ai.sondera.harness.grpc.wire.core.v1.Role.ROLE_UNSPECIFIED));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WireMapping.content(ai.sondera.harness.grpc.wire.core.v1.Content.getDefaultInstance()));
		assertThatIllegalArgumentException().isThrownBy(
				() -> WireValues.read(Value.newBuilder().setNumberValue(Double.NaN).build()))
			.withMessageContaining("finite");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WireMapping.adjudication(ai.sondera.harness.grpc.wire.core.v1.Adjudication
				.getDefaultInstance()));
	}

}
