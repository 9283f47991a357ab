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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cedarpolicy.model.policy.PolicySet;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.cedar.analysis.LoadedPolicy;
import ai.sondera.harness.cedar.analysis.PolicyReads;

/**
 * The policies that apply to one (action, request shape), as a cached native policy set,
 * and which parts of the request they can read. Built once at load time; only this set
 * is sent to the engine (less the permits without conditions, which are known to be
 * satisfied), and only the context and entities its policies can read
 * ({@link PolicyReads}, from their parsed form).
 *
 * @author Sondera
 */
final class Partition {

	private final Map<String, LoadedPolicy> policies;

	private final List<PolicyMetadata> unconditionalPermits;

	// Strong reference: the native cache entry lives only as long as this object.
	private final PolicySet policySet;

	private final PolicyReads reads;

	Partition(List<LoadedPolicy> policies, NativePolicySets policySets) {
		this.policies = new LinkedHashMap<>();
		List<PolicyMetadata> unconditional = new ArrayList<>();
		List<LoadedPolicy> evaluated = new ArrayList<>();
		for (LoadedPolicy policy : policies) {
			this.policies.put(policy.id(), policy);
			if (policy.unconditionalPermit()) {
				unconditional.add(policy.metadata());
			}
			else {
				evaluated.add(policy);
			}
		}
		unconditional.sort(Comparator.comparing(PolicyMetadata::id));
		this.unconditionalPermits = List.copyOf(unconditional);
		this.policySet = evaluated.isEmpty() ? new PolicySet() : policySets.cached(evaluated);
		PolicyReads reads = PolicyReads.of(evaluated);
		this.reads = reads;
	}

	/**
	 * Return whether any policy must be evaluated by the engine; when not, the
	 * {@link #unconditionalPermits()} decide alone.
	 * @return whether to call the engine
	 */
	boolean needsEngine() {
		return !this.policySet.policies.isEmpty();
	}

	/**
	 * Return the permits without conditions, which are satisfied wherever they apply and
	 * are therefore not sent to the engine.
	 * @return the permits, sorted by id
	 */
	List<PolicyMetadata> unconditionalPermits() {
		return this.unconditionalPermits;
	}

	PolicySet policySet() {
		return this.policySet;
	}

	LoadedPolicy policy(String id) {
		return this.policies.get(id);
	}

	/**
	 * Return what the policies sent to the engine can read of a request.
	 * @return the reads
	 */
	PolicyReads reads() {
		return this.reads;
	}

}
