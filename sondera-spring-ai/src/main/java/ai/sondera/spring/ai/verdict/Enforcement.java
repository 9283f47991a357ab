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
package ai.sondera.spring.ai.verdict;

import java.util.Objects;

import ai.sondera.spring.ai.EnforcementMode;

/**
 * The effective enforcement of a tool, or of model text: what a denial turns into
 * ({@link EnforcementMode#BLOCK} or {@link EnforcementMode#STEER}) and whether decisions
 * are enforced at all or only monitored (recorded, observed and logged, never acted on).
 *
 * @param mode what a denial does, {@code BLOCK} or {@code STEER}
 * @param monitor whether decisions are only monitored
 * @author Sondera
 */
public record Enforcement(EnforcementMode mode, boolean monitor) {

	/** Steer, enforced: the default. */
	public static final Enforcement STEER = new Enforcement(EnforcementMode.STEER, false);

	public Enforcement {
		Objects.requireNonNull(mode, "'mode' must not be null");
		if (mode == EnforcementMode.MONITOR) {
			mode = EnforcementMode.STEER;
			monitor = true;
		}
	}

	/**
	 * Create the enforcement a mode stands for; {@link EnforcementMode#MONITOR} is a
	 * monitored steer.
	 * @param mode the mode
	 * @return the enforcement
	 */
	public static Enforcement of(EnforcementMode mode) {
		return new Enforcement(mode, false);
	}

	/**
	 * Return the same mode, monitored or enforced.
	 * @param monitor whether decisions are only monitored
	 * @return the enforcement
	 */
	public Enforcement withMonitor(boolean monitor) {
		return new Enforcement(this.mode, monitor);
	}

}
