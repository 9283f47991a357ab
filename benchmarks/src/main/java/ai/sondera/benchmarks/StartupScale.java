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

import java.util.ArrayList;
import java.util.List;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Tool;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicySource;

/**
 * What building, reloading and extending the policies of an agent costs as tools and
 * policies grow. Each tool has its own argument schema; half of the policies are scoped to
 * one tool and read its typed parameters, half are unscoped and read
 * {@code parameters_json} behind a {@code has} guard. Timed in one JVM after a warm-up
 * build (the native library and the JIT are warm), median of three runs per figure
 * ({@code -Druns=N} to change), and the heap in use after a full collection with the
 * largest harness alive.
 *
 * <pre>
 * mvn -B -Pbenchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar ai.sondera.benchmarks.StartupScale
 * </pre>
 *
 * @author Sondera
 */
public final class StartupScale {

	private static final int RUNS = Integer.getInteger("runs", 3);

	private StartupScale() {
	}

	public static void main(String[] args) {
		build(agent(10), policies(10, 10));
		System.out.printf("%6s %9s %12s %12s %14s %10s%n", "tools", "policies", "build ms", "reload ms", "add tool ms",
				"heap MB");
		int[][] sizes = { { 20, 100 }, { 20, 1000 }, { 100, 10 }, { 100, 100 }, { 200, 100 }, { 100, 1000 } };
		for (int[] size : sizes) {
			measure(size[0], size[1]);
		}
	}

	private static void measure(int tools, int count) {
		Agent agent = agent(tools);
		List<PolicySource> sources = policies(tools, count);
		long[] build = new long[RUNS];
		long[] reload = new long[RUNS];
		long[] add = new long[RUNS];
		CedarPolicyHarness kept = null;
		for (int run = 0; run < RUNS; run++) {
			long start = System.nanoTime();
			CedarPolicyHarness harness = build(agent, sources);
			build[run] = System.nanoTime() - start;
			List<PolicySource> changed = new ArrayList<>(sources);
			changed.set(1, PolicySource.of("policy-0.cedar",
					sources.get(1).text().replace("forbidden-0", "forbidden-changed-" + run)));
			start = System.nanoTime();
			harness.reload(changed);
			reload[run] = System.nanoTime() - start;
			List<Tool> more = new ArrayList<>(agent.tools());
			more.add(tool(tools + run));
			Agent extended = new Agent(agent.id(), agent.providerId(), agent.name(), "", "", more);
			start = System.nanoTime();
			harness.validate(extended);
			add[run] = System.nanoTime() - start;
			kept = harness;
		}
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
		System.out.printf("%6d %9d %12.0f %12.0f %14.0f %10d%n", tools, count, median(build), median(reload), median(add),
				heap);
		if (kept.policyVersion() != 2) {
			throw new IllegalStateException("The reload must have taken effect");
		}
	}

	private static CedarPolicyHarness build(Agent agent, List<PolicySource> sources) {
		return CedarPolicyHarness.builder()
			.policies(sources)
			.agent(agent)
			.store(new DiscardingTrajectoryStore())
			.build();
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1_000_000.0;
	}

	static Agent agent(int tools) {
		List<Tool> list = new ArrayList<>();
		for (int i = 0; i < tools; i++) {
			list.add(tool(i));
		}
		return new Agent("scale-agent", "bench", "Scale", "", "", list);
	}

	private static Tool tool(int i) {
		return Tool.of("tool" + i, "Tool " + i, """
				{"type": "object", "properties": {"command": {"type": "string"}, "count": {"type": "integer"},
				 "option%d": {"type": "string"}}, "required": ["command"]}""".formatted(i));
	}

	static List<PolicySource> policies(int tools, int count) {
		List<PolicySource> sources = new ArrayList<>();
		sources.add(PolicySource.of("base.cedar", "@id(\"allow-all\") permit(principal, action, resource);\n"));
		for (int i = 0; i < count; i++) {
			String policy = (i % 2 == 0)
					? "@id(\"scoped-" + i + "\") forbid(principal, action == Scale::Action::\"tool" + (i % tools)
							+ "\", resource) when { context.parameters.command like \"*forbidden-" + i + "*\" };\n"
					: "@id(\"unscoped-" + i + "\") forbid(principal, action, resource) when { context has parameters_json"
							+ " && context.parameters_json like \"*secret-" + i + "*\" };\n";
			sources.add(PolicySource.of("policy-" + i + ".cedar", policy));
		}
		return sources;
	}

}
