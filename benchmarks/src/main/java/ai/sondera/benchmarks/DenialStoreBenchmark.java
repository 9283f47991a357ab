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
package ai.sondera.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.store.FileTrajectoryStore;

/**
 * What a denial costs with the default file store after {@code earlierDenials} denials
 * in the same trajectory: each measurement is a batch of 100 denied PRE_TOOL calls, on a
 * store prepared afresh for each iteration. The cost must not grow with the earlier
 * denials (the adjudication index is appended, not rewritten).
 *
 * @author Sondera
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 100)
@Measurement(iterations = 10, batchSize = 100)
public class DenialStoreBenchmark extends HarnessBenchmark {

	private static final ToolRequestContent DENIED = new ToolRequestContent("tool3",
			Map.of("command", "rm -rf /", "count", 1));

	@Param({ "0", "2000" })
	int earlierDenials;

	private Path root;

	private Trajectory trajectory;

	@Setup(Level.Iteration)
	public void setUp() throws IOException {
		this.root = Files.createTempDirectory("sondera-denials");
		Agent agent = BenchmarkAgent.create();
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies("""
					@id("allow-all") permit(principal, action, resource);
					@id("no-rm") forbid(principal, action, resource) when { context.parameters.command like "rm *" };
					""")
			.agent(agent)
			.store(new FileTrajectoryStore(this.root))
			.build();
		this.trajectory = harness.initialize(agent, null);
		for (int i = 0; i < this.earlierDenials; i++) {
			deny();
		}
	}

	@TearDown(Level.Iteration)
	public void tearDown() throws IOException {
		try (Stream<Path> files = Files.walk(this.root)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	@Benchmark
	public Adjudication deny() {
		Adjudication adjudication = this.trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, DENIED);
		if (adjudication.isAllowed()) {
			throw new IllegalStateException("The benchmark call must be denied");
		}
		return adjudication;
	}

}
