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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Decision;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.json.PythonJson;

/**
 * The default {@link TrajectoryStore}: JSON Lines files in the layout of the Sondera
 * Python SDK's file storage, so that its tools read them.
 *
 * <pre>
 * &lt;root&gt;/agents.json                         every saved agent
 * &lt;root&gt;/adjudications.json                  index of DENY and ESCALATE steps (appended in place)
 * &lt;root&gt;/&lt;agent-id&gt;/&lt;trajectory-id&gt;.jsonl   header line, then one line per step
 * </pre>
 *
 * <p>
 * Each step is appended and handed to the operating system before {@link #append}
 * returns. A last line cut short by a crash is skipped (with a warning) and cut off the
 * file when the trajectory is {@link #load loaded}, so that appending can continue.
 *
 * @author Sondera
 */
public class FileTrajectoryStore implements TrajectoryStore {

	/** The default root, relative to the working directory, as in the Sondera SDK. */
	public static final Path DEFAULT_ROOT = Path.of(".sondera", "trajectories");

	private static final Logger logger = LoggerFactory.getLogger(FileTrajectoryStore.class);

	private static final int LOCK_STRIPES = 64;

	private final Path root;

	private final Object[] locks = new Object[LOCK_STRIPES];

	private final Object indexLock = new Object();

	private final Map<String, Agent> savedAgents = new ConcurrentHashMap<>();

	private final AdjudicationIndex adjudicationIndex;

	/**
	 * Create a store under {@link #DEFAULT_ROOT}.
	 */
	public FileTrajectoryStore() {
		this(DEFAULT_ROOT);
	}

	/**
	 * Create a store under the given root directory (created on demand).
	 * @param root the root directory
	 */
	public FileTrajectoryStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.adjudicationIndex = new AdjudicationIndex(this.root.resolve("adjudications.json"));
		for (int i = 0; i < LOCK_STRIPES; i++) {
			this.locks[i] = new Object();
		}
	}

	/**
	 * Return the root directory.
	 * @return the root
	 */
	public Path getRoot() {
		return this.root;
	}

	@Override
	public void saveAgent(Agent agent) {
		checkPathComponent("agent_id", agent.id());
		if (agent.equals(this.savedAgents.get(agent.id()))) {
			return;
		}
		synchronized (this.indexLock) {
			List<Object> agents = readArray(this.root.resolve("agents.json"));
			Map<String, Object> json = StepJson.agent(agent);
			agents.removeIf((existing) -> existing instanceof Map<?, ?> map && agent.id().equals(map.get("id")));
			agents.add(json);
			writeAtomically(this.root.resolve("agents.json"), PythonJson.writeIndented(agents, 2));
			this.savedAgents.put(agent.id(), agent);
		}
	}

	@Override
	public Optional<Agent> loadAgent(String agentId) {
		Agent saved = this.savedAgents.get(agentId);
		if (saved != null) {
			return Optional.of(saved);
		}
		synchronized (this.indexLock) {
			for (Object json : readArray(this.root.resolve("agents.json"))) {
				if (json instanceof Map<?, ?> map && agentId.equals(map.get("id"))) {
					return Optional.of(StepJson.parseAgent(map));
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public void create(TrajectoryRecord record) {
		Path file = trajectoryFile(record.agentId(), record.id());
		synchronized (lockFor(file)) {
			writeAtomically(file, PythonJson.write(StepJson.header(record)) + "\n");
		}
	}

	@Override
	public void append(TrajectoryRecord record, long stepIndex, TrajectoryStep step) {
		Path file = trajectoryFile(record.agentId(), record.id());
		byte[] line = (PythonJson.write(StepJson.step(step)) + "\n").getBytes(StandardCharsets.UTF_8);
		synchronized (lockFor(file)) {
			try {
				Files.createDirectories(file.getParent());
				Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Failed to append step " + stepIndex + " to " + file, ex);
			}
		}
		if (step.adjudication().decision() != Decision.ALLOW) {
			index(record, stepIndex, step);
		}
	}

	private void index(TrajectoryRecord record, long stepIndex, TrajectoryStep step) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("agent_id", record.agentId());
		entry.put("trajectory_id", record.id());
		entry.put("trajectory_path", Path.of(record.agentId(), record.id() + ".jsonl").toString());
		entry.put("step_id", "step-" + stepIndex);
		entry.put("step_index", stepIndex);
		entry.put("adjudication", StepJson.adjudication(step.adjudication()));
		synchronized (this.indexLock) {
			this.adjudicationIndex.append(entry);
		}
	}

	@Override
	public void updateStatus(TrajectoryRecord record, TrajectoryStatus status) {
		Path file = trajectoryFile(record.agentId(), record.id());
		synchronized (lockFor(file)) {
			if (!Files.isRegularFile(file)) {
				return;
			}
			try {
				List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
				if (lines.isEmpty()) {
					return;
				}
				Map<String, Object> header = StepJson.parseObject(lines.get(0));
				header.put("status", status.wireName());
				lines.set(0, PythonJson.write(header));
				writeAtomically(file, String.join("\n", lines) + "\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Failed to update the status of " + file, ex);
			}
		}
	}

	@Override
	public Optional<StoredTrajectory> load(String trajectoryId) {
		checkPathComponent("trajectory_id", trajectoryId);
		if (!Files.isDirectory(this.root)) {
			return Optional.empty();
		}
		try (Stream<Path> agentDirs = Files.list(this.root)) {
			return agentDirs.filter(Files::isDirectory)
				.map((dir) -> dir.resolve(trajectoryId + ".jsonl"))
				.filter(Files::isRegularFile)
				.findFirst()
				.map(this::read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to list " + this.root, ex);
		}
	}

	private StoredTrajectory read(Path file) {
		synchronized (lockFor(file)) {
			try {
				cutPartialLastLine(file);
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				if (lines.isEmpty()) {
					throw new IllegalStateException("Trajectory file " + file + " has no header line");
				}
				TrajectoryRecord record = StepJson.parseHeader(lines.get(0));
				List<TrajectoryStep> steps = new ArrayList<>(lines.size() - 1);
				for (int i = 1; i < lines.size(); i++) {
					try {
						steps.add(StepJson.parseStep(lines.get(i)));
					}
					catch (RuntimeException ex) {
						logger.warn("Skipping unreadable line {} of trajectory file {}: {}", i + 1, file, ex.getMessage());
					}
				}
				return new StoredTrajectory(record, steps);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Failed to read trajectory file " + file, ex);
			}
		}
	}

	private void cutPartialLastLine(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long size = channel.size();
			if (size == 0 || lastByte(channel, size - 1) == '\n') {
				return;
			}
			long end = size - 1;
			while (end > 0 && lastByte(channel, end - 1) != '\n') {
				end--;
			}
			logger.warn("Skipping the truncated last line of trajectory file {} ({} bytes, probably cut short by a crash)",
					file, size - end);
			channel.truncate(end);
		}
	}

	private static byte lastByte(FileChannel channel, long position) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(1);
		channel.read(buffer, position);
		return buffer.get(0);
	}

	private Path trajectoryFile(String agentId, String trajectoryId) {
		checkPathComponent("agent_id", agentId);
		checkPathComponent("trajectory_id", trajectoryId);
		Path file = this.root.resolve(agentId).resolve(trajectoryId + ".jsonl").normalize();
		if (!file.startsWith(this.root)) {
			throw new IllegalArgumentException("Storage path escapes trajectory root: " + file);
		}
		return file;
	}

	private Object lockFor(Path file) {
		return this.locks[Math.floorMod(file.hashCode(), LOCK_STRIPES)];
	}

	private static void checkPathComponent(String field, String value) {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(field + " must be a non-empty path component");
		}
		if (value.equals(".") || value.equals("..") || value.indexOf('/') >= 0 || value.indexOf('\\') >= 0
				|| value.indexOf(':') >= 0 || value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(field + " must be a single path component, but was '" + value + "'");
		}
	}

	private static List<Object> readArray(Path file) {
		if (!Files.isRegularFile(file)) {
			return new ArrayList<>();
		}
		try {
			return StepJson.parseArray(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read " + file, ex);
		}
	}

	private static void writeAtomically(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
			Files.writeString(temp, text, StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to write " + file, ex);
		}
	}

}
