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

package ai.sondera.boot.autoconfigure.tools;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what tools really did, so tests can assert that denied calls had no effect.
 */
public class SideEffects {

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final List<String> log = new CopyOnWriteArrayList<>();

	public void record(String tool, String detail) {
		this.calls.computeIfAbsent(tool, (key) -> new AtomicInteger()).incrementAndGet();
		this.log.add(tool + ":" + detail);
	}

	public int count(String tool) {
		AtomicInteger count = this.calls.get(tool);
		return (count != null) ? count.get() : 0;
	}

	public List<String> log() {
		return this.log;
	}

}
