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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;

import ai.sondera.harness.PolicyMetadata;

/**
 * The policies that apply to one (action, request shape), as a cached native policy set,
 * and which parts of the request they can read. Built once at load time; only this set
 * is sent to the engine (less the permits without conditions, which are known to be
 * satisfied), and only the context and entities its policies can read.
 *
 * @author Sondera
 */
final class Partition {

	private static final Pattern PARAMETERS = Pattern.compile("\\bparameters\\b");

	private static final Pattern PARAMETERS_JSON = Pattern.compile("\\bparameters_json\\b");

	private static final Pattern RESPONSE = Pattern.compile("\\bresponse\\b");

	private static final Pattern RESPONSE_JSON = Pattern.compile("\\bresponse_json\\b");

	private static final Pattern PRINCIPAL_DATA = Pattern.compile("\\bprincipal\\s*(\\.|\\[|has\\b)");

	private static final Pattern RESOURCE_DATA = Pattern.compile("\\bresource\\s*(\\.|\\[|has\\b)");

	private final Map<String, LoadedPolicy> policies;

	private final List<PolicyMetadata> unconditionalPermits;

	// Strong reference: the native cache entry lives only as long as this object.
	private final PolicySet policySet;

	private final boolean readsParameters;

	private final boolean readsParametersJson;

	private final boolean readsResponse;

	private final boolean readsResponseJson;

	private final boolean readsPrincipal;

	private final boolean readsResource;

	Partition(List<LoadedPolicy> policies) {
		this.policies = new LinkedHashMap<>();
		List<PolicyMetadata> unconditional = new ArrayList<>();
		HashSet<Policy> cedarPolicies = new HashSet<>();
		for (LoadedPolicy policy : policies) {
			this.policies.put(policy.id(), policy);
			if (policy.unconditionalPermit()) {
				unconditional.add(policy.metadata());
			}
			else {
				cedarPolicies.add(policy.policy());
			}
		}
		unconditional.sort(Comparator.comparing(PolicyMetadata::id));
		this.unconditionalPermits = List.copyOf(unconditional);
		this.policySet = new PolicySet(cedarPolicies);
		if (!cedarPolicies.isEmpty()) {
			try {
				this.policySet.cache();
			}
			catch (CacheException ex) {
				throw new IllegalStateException("Cedar could not cache a policy set", ex);
			}
		}
		this.readsParameters = reads(policies, PARAMETERS);
		this.readsParametersJson = reads(policies, PARAMETERS_JSON);
		this.readsResponse = reads(policies, RESPONSE);
		this.readsResponseJson = reads(policies, RESPONSE_JSON);
		this.readsPrincipal = reads(policies, PRINCIPAL_DATA);
		this.readsResource = reads(policies, RESOURCE_DATA);
	}

	private static boolean reads(List<LoadedPolicy> policies, Pattern pattern) {
		return policies.stream().anyMatch((policy) -> pattern.matcher(policy.policy().policySrc).find());
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

	boolean readsParameters() {
		return this.readsParameters;
	}

	boolean readsParametersJson() {
		return this.readsParametersJson;
	}

	boolean readsResponse() {
		return this.readsResponse;
	}

	boolean readsResponseJson() {
		return this.readsResponseJson;
	}

	boolean readsPrincipal() {
		return this.readsPrincipal;
	}

	boolean readsResource() {
		return this.readsResource;
	}

}
