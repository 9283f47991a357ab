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

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;

/**
 * What a failure of the policy check itself means (unreadable arguments, an engine or
 * storage failure): a DENY that names the error, unless the application chose to fail
 * open. The one place that decides it.
 *
 * @author Sondera
 */
public final class FailurePolicy {

	private static final Log logger = LogFactory.getLog(FailurePolicy.class);

	/** Fail closed: a failed check denies. */
	public static final FailurePolicy FAIL_CLOSED = new FailurePolicy(false);

	/** Fail open: a failed check allows. */
	public static final FailurePolicy FAIL_OPEN = new FailurePolicy(true);

	private final boolean failOpen;

	private FailurePolicy(boolean failOpen) {
		this.failOpen = failOpen;
	}

	/**
	 * Return the policy for a setting.
	 * @param failOpen whether a failed check allows
	 * @return the policy
	 */
	public static FailurePolicy of(boolean failOpen) {
		return failOpen ? FAIL_OPEN : FAIL_CLOSED;
	}

	/**
	 * Turn a failed check into an adjudication, and log it.
	 * @param what what was being checked, for the log ("tool 'x'", "model text")
	 * @param failure the failure
	 * @return ALLOW with the error if failing open, otherwise DENY with the error
	 */
	public Adjudication adjudicate(String what, RuntimeException failure) {
		if (this.failOpen) {
			logger.warn("Policy check of " + what + " failed; going on because fail-open is set", failure);
			return new Adjudication(Decision.ALLOW,
					"Policy check failed, allowed because fail-open is set: " + failure.getMessage(), List.of());
		}
		logger.warn("Policy check of " + what + " failed; denying: " + failure.getMessage());
		logger.debug("Policy check failure of " + what, failure);
		return new Adjudication(Decision.DENY, "Policy check failed, denied to fail closed: " + failure.getMessage(),
				List.of());
	}

}
