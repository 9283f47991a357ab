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

/**
 * What the harness does when a policy denies an action.
 *
 * @author Sondera
 */
public enum EnforcementMode {

	/** Throw {@link ai.sondera.harness.PolicyViolationException}; the action never runs. */
	BLOCK,

	/**
	 * Tell the model that the action was denied and why, so that it can try another way;
	 * the action never runs.
	 */
	STEER,

	/**
	 * Record the decision but let the action run (shadow roll-out of new policies).
	 * Escalations are not sent for approval.
	 */
	MONITOR

}
