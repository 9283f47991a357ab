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
package ai.sondera.harness;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.sondera.harness.policy.LoadedPolicyInfo;
import ai.sondera.harness.policy.PolicyDescriptor;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.policy.PolicySourceInfo;

/**
 * What a harness can do beyond adjudication, for the application around it: check the
 * policies against an agent's tools, describe the loaded policy set (where each policy
 * comes from and where it applies, its version, sources and digest) and replace it. The
 * Spring layer talks to a harness only through {@link Harness} and this interface, so
 * that any implementation (in-process Cedar, a remote harness) gets startup validation,
 * the actuator endpoint and reloads.
 *
 * @author Sondera
 * @see ai.sondera.harness.cedar.CedarPolicyHarness
 */
public interface PolicyAdministration {

	/**
	 * Check the loaded policies against an agent and its tools, so that a policy that
	 * can never match fails now rather than at the first conversation.
	 * @param agent the agent
	 * @throws PolicyLoadException if a policy names an unknown action or can never match
	 * @throws IllegalArgumentException if the agent itself cannot be expressed in Cedar
	 */
	void validate(Agent agent);

	/**
	 * Return the loaded policies as they apply to an agent: each with the (action,
	 * stage) pairs it is evaluated at.
	 * @param agent the agent
	 * @return the policies in source order
	 */
	List<PolicyDescriptor> policies(Agent agent);

	/**
	 * Return the Cedar JSON schema generated for an agent, in the Sondera SDK's form.
	 * @param agent the agent
	 * @return the schema
	 */
	ObjectNode schema(Agent agent);

	/**
	 * Return the version of the policy set in use: 1 at start, one more per reload.
	 * @return the version
	 */
	long policyVersion();

	/**
	 * Return when the policy set in use was loaded.
	 * @return the load time
	 */
	Instant policiesLoadedAt();

	/**
	 * Return the loaded policies, independent of any agent.
	 * @return the policies in source order
	 */
	List<LoadedPolicyInfo> loadedPolicies();

	/**
	 * Return the sources of the policy set in use.
	 * @return the sources, by name
	 */
	List<PolicySourceInfo> policySources();

	/**
	 * Return the digest of the policy set in use, recorded with every audited decision.
	 * @return the digest, hex
	 */
	String policySetDigest();

	/**
	 * Replace the policies: the new set is checked first and swapped in atomically; if it
	 * is invalid nothing changes.
	 * @param sources the new policy sources
	 * @return the new policy set version
	 * @throws PolicyLoadException if the new set is invalid; the current set keeps serving
	 */
	long reload(List<PolicySource> sources);

}
