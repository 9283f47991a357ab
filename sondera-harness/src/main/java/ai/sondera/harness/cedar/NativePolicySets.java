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

import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.cedar.analysis.LoadedPolicy;

/**
 * The native (parsed, cached) policy sets of a harness, shared: partitions with the same
 * policies share one set, within an agent, across agents and across reloads, so a reload
 * that changes one policy parses only the sets that hold it. A set stays cached in the
 * engine as long as a partition uses it (cedar-java drops the native entry when the Java
 * object is collected). The engine keeps at most {@code cedar.cache.maxPolicySets} sets
 * (1024 by default) in the whole process; when it is full the unused entries are
 * collected and, if that is not enough, the limit is raised (with a warning) rather than
 * failing a load.
 *
 * @author Sondera
 */
final class NativePolicySets {

	private static final Logger logger = LoggerFactory.getLogger(NativePolicySets.class);

	private static final int PURGE_THRESHOLD = 4096;

	private static final Object LIMIT_LOCK = new Object();

	private static int limit = Integer.getInteger("cedar.cache.maxPolicySets", 1024);

	private final Map<String, WeakReference<PolicySet>> sets = new ConcurrentHashMap<>();

	/**
	 * Return the cached set of these policies, parsing and caching it if no partition
	 * holds one.
	 * @param policies the policies (not empty)
	 * @return the cached set
	 */
	PolicySet cached(Collection<LoadedPolicy> policies) {
		String key = key(policies);
		WeakReference<PolicySet> known = this.sets.get(key);
		PolicySet set = (known != null) ? known.get() : null;
		if (set != null) {
			return set;
		}
		Set<Policy> cedarPolicies = new HashSet<>();
		policies.forEach((policy) -> cedarPolicies.add(policy.policy()));
		set = new PolicySet(cedarPolicies);
		cache(set);
		if (this.sets.size() > PURGE_THRESHOLD) {
			this.sets.values().removeIf((reference) -> reference.get() == null);
		}
		this.sets.put(key, new WeakReference<>(set));
		return set;
	}

	/**
	 * Return the identity of a set of policies; partitions list their policies in source
	 * order, so equal sets give equal keys.
	 */
	private static String key(Collection<LoadedPolicy> policies) {
		StringBuilder key = new StringBuilder(policies.size() * 72);
		for (LoadedPolicy policy : policies) {
			key.append(policy.id()).append('=').append(policy.sha256()).append(',');
		}
		return key.toString();
	}

	private static void cache(PolicySet set) {
		for (int attempt = 0;; attempt++) {
			try {
				set.cache();
				return;
			}
			catch (CacheException ex) {
				if (attempt == 0) {
					// Sets no partition uses any more are released when they are collected.
					System.gc();
					sleep();
				}
				else if (attempt < 4) {
					raiseLimit();
				}
				else {
					throw new IllegalStateException("Cedar could not cache a policy set", ex);
				}
			}
		}
	}

	private static void raiseLimit() {
		synchronized (LIMIT_LOCK) {
			limit = limit * 2;
			PolicySet.setCacheMaxPolicySets(limit);
			logger.warn("The Cedar policy set cache was full; raised cedar.cache.maxPolicySets to {}", limit);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
