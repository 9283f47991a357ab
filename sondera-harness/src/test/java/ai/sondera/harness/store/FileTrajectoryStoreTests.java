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

package ai.sondera.harness.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Tool;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.json.PythonJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link FileTrajectoryStore} with a real harness: the Sondera SDK's layout, resume, and
 * recovery from a crash in the middle of a line.
 */
class FileTrajectoryStoreTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Agent AGENT = new Agent("agent-1", "test", "Shop", "", "", List.of(Tool.of("Buy", "Buy",
			"{\"type\": \"object\", \"properties\": {\"item\": {\"type\": \"string\"}}, \"required\": [\"item\"]}")));

	private static final String POLICIES = """
			@id("allow-all") permit(principal, action, resource);
			@id("no-guns") @reason("Not for sale") forbid(principal, action == Shop::Action::"Buy", resource)
			when { context.parameters.item == "gun" };
			@id("three-steps") forbid(principal, action, resource) when { resource.step_count > 3 };
			""";

	@TempDir
	Path root;

	private CedarPolicyHarness harness() {
		return CedarPolicyHarness.builder()
			.policies(POLICIES)
			.agent(AGENT)
			.store(new FileTrajectoryStore(this.root))
			.build();
	}

	@Test
	void writesTheSdkLayout() throws Exception {
		Trajectory trajectory = harness().initialize(AGENT, "session-7");
		trajectory.adjudicate(Stage.PRE_MODEL, Role.USER, new PromptContent("buy me a gun"));
		trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "gun")));
		Path file = this.root.resolve("agent-1").resolve(trajectory.id() + ".jsonl");
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(3);
		JsonNode header = MAPPER.readTree(lines.get(0));
		assertThat(header.get("id").asText()).isEqualTo(trajectory.id()).startsWith("traj-");
		assertThat(header.get("agent_id").asText()).isEqualTo("agent-1");
		assertThat(header.get("status").asText()).isEqualTo("running");
		assertThat(header.get("session_id").asText()).isEqualTo("session-7");
		assertThat(lines.get(0)).startsWith("{\"id\": \"traj-").contains("\"metadata\": {}");
		JsonNode step = MAPPER.readTree(lines.get(2));
		assertThat(step.get("mode").asText()).isEqualTo("govern");
		assertThat(step.at("/step/stage").asText()).isEqualTo("pre_tool");
		assertThat(step.at("/step/role").asText()).isEqualTo("model");
		assertThat(step.at("/step/content/content_type").asText()).isEqualTo("tool_request");
		assertThat(step.at("/step/content/args/item").asText()).isEqualTo("gun");
		assertThat(step.at("/adjudication/decision").asText()).isEqualTo("deny");
		assertThat(step.at("/adjudication/policies/0/id").asText()).isEqualTo("no-guns");
		assertThat(step.at("/step/created_at").asText()).endsWith("Z");

		JsonNode index = MAPPER.readTree(this.root.resolve("adjudications.json").toFile());
		assertThat(index).hasSize(1);
		assertThat(index.get(0).get("step_id").asText()).isEqualTo("step-1");
		assertThat(index.get(0).get("trajectory_path").asText()).isEqualTo("agent-1/" + trajectory.id() + ".jsonl");
		JsonNode agents = MAPPER.readTree(this.root.resolve("agents.json").toFile());
		assertThat(agents.get(0).get("provider_id").asText()).isEqualTo("test");
		assertThat(agents.get(0).at("/tools/0/name").asText()).isEqualTo("Buy");
	}

	@Test
	void resumeContinuesTheStepCount() {
		CedarPolicyHarness harness = harness();
		Trajectory first = harness.initialize(AGENT, null);
		first.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "apple")));
		first.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "pear")));

		Trajectory resumed = harness().resume(first.id());
		assertThat(resumed.stepCount()).isEqualTo(2);
		assertThat(resumed.sessionId()).isNull();
		assertThat(resumed.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "fig")))
			.isAllowed()).isTrue();
		assertThat(resumed.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "kiwi")))
			.decision()).isEqualTo(Decision.DENY);
	}

	@Test
	void truncatedLastLineIsSkippedAndCutOff() throws Exception {
		CedarPolicyHarness harness = harness();
		Trajectory trajectory = harness.initialize(AGENT, null);
		trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "apple")));
		Path file = this.root.resolve("agent-1").resolve(trajectory.id() + ".jsonl");
		Files.writeString(file, "{\"mode\": \"govern\", \"adjudica", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

		Trajectory resumed = harness.resume(trajectory.id());
		assertThat(resumed.stepCount()).isEqualTo(1);
		resumed.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "pear")));
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(3);
		for (String line : lines) {
			assertThat(MAPPER.readTree(line).isObject()).isTrue();
		}
	}

	@Test
	void finishAndFailUpdateTheHeader() throws Exception {
		CedarPolicyHarness harness = harness();
		Trajectory done = harness.initialize(AGENT, null);
		done.adjudicate(Stage.PRE_RUN, Role.USER, new PromptContent("start"));
		done.finish();
		Trajectory failed = harness.initialize(AGENT, null);
		failed.fail("boom");
		FileTrajectoryStore store = new FileTrajectoryStore(this.root);
		assertThat(store.load(done.id()).orElseThrow().record().status()).isEqualTo(TrajectoryStatus.COMPLETED);
		assertThat(store.load(done.id()).orElseThrow().steps()).hasSize(1);
		assertThat(store.load(failed.id()).orElseThrow().record().status()).isEqualTo(TrajectoryStatus.FAILED);
	}

	@Test
	void unknownTrajectoryAndUnsafeIdsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> harness().resume("traj-missing"))
			.withMessage("Trajectory traj-missing not found in storage");
		FileTrajectoryStore store = new FileTrajectoryStore(this.root);
		assertThatIllegalArgumentException().isThrownBy(() -> store.load("../etc"))
			.withMessageContaining("trajectory_id must be a single path component");
		Agent escaping = new Agent("../x", "p", "Shop", "", "", AGENT.tools());
		assertThatIllegalArgumentException().isThrownBy(() -> store.saveAgent(escaping))
			.withMessageContaining("agent_id");
	}

	@Test
	void adjudicationIndexIsAppendedInPlaceInTheSdkFormat() throws Exception {
		Path index = this.root.resolve("adjudications.json");
		Files.createDirectories(this.root);
		Files.writeString(index, "[]");
		Trajectory trajectory = harness().initialize(AGENT, null);
		for (int i = 0; i < 5; i++) {
			trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "gun")));
		}
		List<Object> entries = StepJson.parseArray(Files.readString(index));
		assertThat(entries).hasSize(5);
		assertThat(Files.readString(index)).isEqualTo(PythonJson.writeIndented(entries, 2));
		assertThat(entries).extracting((entry) -> (Object) ((Map<?, ?>) entry).get("step_id"))
			.containsExactly("step-0", "step-1", "step-2", "step-3", "step-4");
	}

	@Test
	void adjudicationIndexOfAnEarlierVersionIsContinued() throws Exception {
		Path index = this.root.resolve("adjudications.json");
		Files.createDirectories(this.root);
		Map<String, Object> earlier = Map.of("agent_id", "agent-0", "step_id", "step-9");
		Files.writeString(index, PythonJson.writeIndented(List.of(earlier), 2));
		Trajectory trajectory = harness().initialize(AGENT, null);
		trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "gun")));
		List<Object> entries = StepJson.parseArray(Files.readString(index));
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0)).isEqualTo(earlier);
		assertThat(Files.readString(index)).isEqualTo(PythonJson.writeIndented(entries, 2));
	}

	@Test
	void adjudicationIndexCutShortIsMovedAsideAndRestarted() throws Exception {
		Path index = this.root.resolve("adjudications.json");
		Files.createDirectories(this.root);
		Files.writeString(index, "[\n  {\n    \"agent_id\": \"agent-0\",\n    \"step_");
		Trajectory trajectory = harness().initialize(AGENT, null);
		trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "gun")));
		assertThat(StepJson.parseArray(Files.readString(index))).hasSize(1);
		try (var files = Files.list(this.root)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.anyMatch((name) -> name.startsWith("adjudications.json.broken-"));
		}
	}

	@Test
	void resumeByIdFindsTheAgentInTheStore() {
		Trajectory first = harness().initialize(AGENT, null);
		first.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "apple")));
		CedarPolicyHarness fresh = CedarPolicyHarness.builder()
			.policies(POLICIES)
			.store(new FileTrajectoryStore(this.root))
			.build();
		Trajectory resumed = fresh.resume(first.id());
		assertThat(resumed.agent()).isEqualTo(AGENT);
		assertThat(resumed.stepCount()).isEqualTo(1);
		assertThat(resumed.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "gun")))
			.decision()).isEqualTo(Decision.DENY);
	}

	@Test
	void resumingAnEndedTrajectoryIsRecordedAsAStep() {
		Trajectory done = harness().initialize(AGENT, null);
		done.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "apple")));
		done.finish();
		Trajectory resumed = harness().resume(done.id());
		assertThat(resumed.stepCount()).isEqualTo(2);
		assertThat(resumed.adjudicate(Stage.PRE_TOOL, Role.MODEL, new ToolRequestContent("Buy", Map.of("item", "fig")))
			.isAllowed()).isTrue();
		List<TrajectoryStep> steps = new FileTrajectoryStore(this.root).load(done.id()).orElseThrow().steps();
		assertThat(steps).hasSize(3);
		assertThat(steps.get(1).stage()).isEqualTo(Stage.PRE_RUN);
		assertThat(steps.get(1).adjudication().reason()).isEqualTo("Resumed after the trajectory had ended as completed");
	}

}
