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
package ai.sondera.harness.cedar.analysis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.sondera.harness.cedar.schema.RequestShape;

/**
 * The results of checking policies where they apply, kept across loads, reloads and
 * agents: the same policy text checked in the same namespace, at the same stage, against
 * the same context types gives the same result. A reload that changes one policy of a
 * thousand checks only that one; a tool added at request time checks only what it can
 * change. Thread-safe; bounded (it starts afresh when full).
 *
 * @author Sondera
 */
public final class AnalysisCache {

	private static final int MAX_ENTRIES = 200_000;

	private final Map<Key, Result> results = new ConcurrentHashMap<>();

	Result get(Key key) {
		return this.results.get(key);
	}

	void put(Key key, Result result) {
		if (this.results.size() >= MAX_ENTRIES) {
			this.results.clear();
		}
		this.results.put(key, result);
	}

	/**
	 * Return how many results are kept.
	 * @return the number of results
	 */
	public int size() {
		return this.results.size();
	}

	/**
	 * What a check depends on.
	 *
	 * @param namespace the agent's namespace
	 * @param shape the stage's request shape
	 * @param policy the policy's text
	 * @param variant the context types the policy can read there, or the action when the
	 * policy tells actions apart
	 */
	record Key(String namespace, RequestShape shape, String policy, String variant) {
	}

	/**
	 * The outcome of a check.
	 *
	 * @param action the action the policy was checked for (named in the errors)
	 * @param errors the validation errors that make it not apply
	 * @param impossible whether its condition is always false there
	 */
	record Result(String action, List<String> errors, boolean impossible) {
	}

}
