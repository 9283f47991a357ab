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

import java.util.Locale;

/**
 * The outcome of an adjudication.
 *
 * @author Sondera
 */
public enum Decision {

	/** The action may proceed. */
	ALLOW,

	/** The action must not proceed. */
	DENY,

	/** The action may proceed only after approval. */
	ESCALATE;

	/**
	 * Return the lower-case name used in stored trajectories.
	 * @return the wire name
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
