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
package ai.sondera.spring.ai;

import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Harness;
import ai.sondera.harness.Trajectory;

/**
 * The one flow of a guarded execution: work runs in the trajectory it belongs to (the
 * conversation's, when one is bound), or in a trajectory opened for it that is finished
 * when the work returns and failed when it throws. Ending a trajectory never fails the
 * work: that is logged.
 *
 * @author Sondera
 */
public final class GuardedExecution {

	private static final Log logger = LogFactory.getLog(GuardedExecution.class);

	private GuardedExecution() {
	}

	/**
	 * Run work in a trajectory.
	 * @param <T> the result type
	 * @param harness opens the trajectory when none is bound
	 * @param bound the trajectory the work belongs to, or {@code null} to open one
	 * @param agent the agent of a trajectory opened here
	 * @param work the work
	 * @return what the work returned
	 */
	public static <T> T run(Harness harness, @Nullable Trajectory bound, Supplier<Agent> agent,
			Function<Trajectory, T> work) {
		if (bound != null) {
			return work.apply(bound);
		}
		Trajectory trajectory = harness.initialize(agent.get(), null);
		T result;
		try {
			result = work.apply(trajectory);
		}
		catch (RuntimeException | Error ex) {
			fail(trajectory, ex);
			throw ex;
		}
		finish(trajectory);
		return result;
	}

	/**
	 * Mark a trajectory completed, logging a failure to record it.
	 * @param trajectory the trajectory
	 */
	public static void finish(Trajectory trajectory) {
		try {
			trajectory.finish();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the end of trajectory " + trajectory.id() + ": " + ex.getMessage());
		}
	}

	/**
	 * Mark a trajectory failed, logging a failure to record it.
	 * @param trajectory the trajectory
	 * @param error why
	 */
	public static void fail(Trajectory trajectory, Throwable error) {
		try {
			trajectory.fail(String.valueOf(error.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the failure of trajectory " + trajectory.id() + ": " + ex.getMessage());
		}
	}

}
