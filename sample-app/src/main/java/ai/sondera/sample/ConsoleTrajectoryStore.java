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

package ai.sondera.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Content;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.json.PythonJson;
import ai.sondera.harness.store.FileTrajectoryStore;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryRecord;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;

/**
 * The trajectory store of the sample: the default file store, plus a line on the console
 * for every step as it is recorded, so you can watch the policies decide.
 *
 * @author Sondera
 */
@Component
public class ConsoleTrajectoryStore implements TrajectoryStore {

	private final FileTrajectoryStore files;

	private final List<TrajectoryStep> steps = new CopyOnWriteArrayList<>();

	public ConsoleTrajectoryStore(@Value("${sondera.trajectories.path}") Path root) {
		this.files = new FileTrajectoryStore(root);
	}

	@Override
	public void saveAgent(Agent agent) {
		this.files.saveAgent(agent);
	}

	@Override
	public void create(TrajectoryRecord record) {
		this.files.create(record);
	}

	@Override
	public void append(TrajectoryRecord record, long stepIndex, TrajectoryStep step) {
		this.files.append(record, stepIndex, step);
		this.steps.add(step);
		System.out.printf("  %-10s %-9s %-42s %s%n", step.stage(), step.adjudication().decision(),
				abbreviate(describe(step.content()), 42), abbreviate(step.adjudication().reason(), 110));
	}

	@Override
	public void updateStatus(TrajectoryRecord record, TrajectoryStatus status) {
		this.files.updateStatus(record, status);
	}

	@Override
	public Optional<StoredTrajectory> load(String trajectoryId) {
		return this.files.load(trajectoryId);
	}

	/**
	 * Return every step recorded since startup.
	 * @return the steps
	 */
	public List<TrajectoryStep> steps() {
		return this.steps;
	}

	private static String describe(Content content) {
		if (content instanceof ToolRequestContent request) {
			return request.toolId() + " " + PythonJson.write(request.arguments());
		}
		if (content instanceof ToolResponseContent response) {
			return response.toolId() + " -> " + PythonJson.write(response.response());
		}
		String text = ((PromptContent) content).text();
		return text.isEmpty() ? "" : PythonJson.write(Map.of("text", text)).substring(9).replaceAll("}$", "");
	}

	private static String abbreviate(String text, int length) {
		String line = text.replace('\n', ' ');
		return (line.length() <= length) ? line : line.substring(0, length - 3) + "...";
	}

}
