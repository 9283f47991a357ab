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

package ai.sondera.harness.cedar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import ai.sondera.harness.Agent;
import ai.sondera.harness.cedar.analysis.LoadedPolicy;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.policy.PolicySourceInfo;
import ai.sondera.harness.support.Digests;

/**
 * One loaded policy set and its compilations per agent. Immutable but for the cache of
 * compilations; a reload replaces the whole generation, so an adjudication uses one
 * generation from start to end.
 *
 * @author Sondera
 */
final class PolicyGeneration {

	private final long version;

	private final Instant loadedAt;

	private final List<LoadedPolicy> policies;

	private final Function<Agent, AgentPolicies> compiler;

	private final Map<Agent, AgentPolicies> compiled = new ConcurrentHashMap<>();

	private final List<PolicySourceInfo> sources;

	private final String digest;

	PolicyGeneration(long version, List<PolicySource> sources, List<LoadedPolicy> policies,
			Function<Agent, AgentPolicies> compiler) {
		this.version = version;
		this.loadedAt = Instant.now();
		this.policies = List.copyOf(policies);
		this.compiler = compiler;
		Map<String, Integer> counts = new HashMap<>();
		policies.forEach((policy) -> counts.merge(policy.origin(), 1, Integer::sum));
		List<PolicySourceInfo> infos = new ArrayList<>();
		for (PolicySource source : sources) {
			infos.add(new PolicySourceInfo(source.origin(), source.location(), counts.getOrDefault(source.origin(), 0),
					source.sha256()));
		}
		infos.sort(Comparator.comparing(PolicySourceInfo::origin));
		this.sources = List.copyOf(infos);
		StringBuilder fingerprint = new StringBuilder();
		this.sources.forEach((info) -> fingerprint.append(info.origin()).append('\n').append(info.sha256()).append('\n'));
		this.digest = Digests.sha256(fingerprint.toString());
	}

	/**
	 * Return the sources of this policy set, by origin.
	 * @return the sources
	 */
	List<PolicySourceInfo> sources() {
		return this.sources;
	}

	/**
	 * Return the digest of this policy set: a SHA-256 over the origin and the SHA-256 of
	 * every source, so that the same files give the same digest anywhere.
	 * @return the digest, hex
	 */
	String digest() {
		return this.digest;
	}

	long version() {
		return this.version;
	}

	Instant loadedAt() {
		return this.loadedAt;
	}

	List<LoadedPolicy> policies() {
		return this.policies;
	}

	AgentPolicies policiesFor(Agent agent) {
		return this.compiled.computeIfAbsent(agent, this.compiler);
	}

	Iterable<Agent> agents() {
		return this.compiled.keySet();
	}

	AgentPolicies findByAgentId(String agentId) {
		return this.compiled.values().stream().filter((candidate) -> candidate.agent().id().equals(agentId))
			.findFirst()
			.orElse(null);
	}

}
