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
 * The life-cycle state of a {@link Trajectory}.
 *
 * @author Sondera
 */
public enum TrajectoryStatus {

	/** Initialized or resumed; accepts adjudications. */
	RUNNING,

	/** Ended normally with {@link Trajectory#finish()}. */
	COMPLETED,

	/** Ended with {@link Trajectory#fail(String)}. */
	FAILED;

	/**
	 * Return the lower-case name used in stored trajectories.
	 * @return the wire name
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Map a stored status back, treating anything unknown as {@link #RUNNING} as the
	 * Sondera SDK does.
	 * @param wireName the stored name
	 * @return the status
	 */
	public static TrajectoryStatus fromWireName(String wireName) {
		for (TrajectoryStatus status : values()) {
			if (status.wireName().equalsIgnoreCase(wireName)) {
				return status;
			}
		}
		return RUNNING;
	}

}
