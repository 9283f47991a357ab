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

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.json.PythonJson;

/**
 * One PRE_TOOL adjudication through {@link CedarPolicyHarness} against a plain cedar-java
 * {@code isAuthorized} of the same request with the full policy set (cached), for 1, 10
 * and 100 policies spread over the 20 tools of an agent. Trajectory storage is left out
 * (a store that discards) so that both sides measure policy evaluation only.
 *
 * @author Sondera
 */
public class AdjudicationBenchmark extends HarnessBenchmark {

	private static final String TOOL = "tool7";

	@Param({ "1", "10", "100", "1000" })
	int policies;

	private Trajectory trajectory;

	private ToolRequestContent content;

	private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();

	private PolicySet fullSet;

	private AuthorizationRequest plainRequest;

	private Set<Entity> plainEntities;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		Agent agent = BenchmarkAgent.create();
		String cedar = policyText(this.policies);
		CedarPolicyHarness harness = CedarPolicyHarness.builder()
			.policies(cedar)
			.agent(agent)
			.store(new DiscardingTrajectoryStore())
			.build();
		this.trajectory = harness.initialize(agent, null);
		this.content = BenchmarkAgent.request(TOOL);

		Set<Policy> all = new HashSet<>();
		int index = 0;
		for (String statement : cedar.split("\n")) {
			all.add(new Policy(statement, "policy" + index++));
		}
		this.fullSet = new PolicySet(all);
		this.fullSet.cache();
		EntityUID trajectoryUid = EntityTypeName.parse("Bench::Trajectory").orElseThrow().of(this.trajectory.id());
		Map<String, Value> context = new LinkedHashMap<>();
		context.put("parameters", new CedarMap(Map.of("command", new PrimString("ls -la /var/log/app"), "count",
				new PrimLong(3))));
		context.put("parameters_json", new PrimString(PythonJson.write(this.content.arguments())));
		this.plainRequest = new AuthorizationRequest(
				EntityTypeName.parse("Bench::Agent").orElseThrow().of("bench-agent"),
				EntityTypeName.parse("Bench::Action").orElseThrow().of(TOOL), trajectoryUid, context);
		this.plainEntities = Set.of(new Entity(trajectoryUid, Map.of("step_count", new PrimLong(1)), Set.of()));

		Adjudication check = harness();
		AuthorizationResponse plain = plainCedar();
		if (!check.isAllowed() || !plain.success.orElseThrow().isAllowed()) {
			throw new IllegalStateException("Both sides must allow the benchmark request: " + check + " / " + plain);
		}
	}

	/**
	 * One permit for every action, then forbids spread round-robin over the tools, one
	 * per line.
	 * @param count the number of policies
	 * @return the Cedar text
	 */
	static String policyText(int count) {
		StringBuilder cedar = new StringBuilder("@id(\"allow-all\") permit(principal, action, resource);\n");
		for (int i = 1; i < count; i++) {
			cedar.append("@id(\"forbid-").append(i).append("\") forbid(principal, action == Bench::Action::\"tool")
				.append(i % BenchmarkAgent.TOOLS).append("\", resource) when { context.parameters.command like \"*forbidden-")
				.append(i).append("*\" || context.parameters_json like \"*secret-").append(i).append("*\" };\n");
		}
		return cedar.toString();
	}

	@Benchmark
	public Adjudication harness() {
		return this.trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, this.content);
	}

	@Benchmark
	public AuthorizationResponse plainCedar() throws Exception {
		return this.engine.isAuthorized(this.plainRequest, this.fullSet, this.plainEntities);
	}

}
