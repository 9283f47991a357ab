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

/**
 * What an evaluation error of a policy (such as reading an argument the model left out)
 * means for the decision.
 *
 * @author Sondera
 */
public enum EvaluationErrorMode {

	/**
	 * Never allow because of an error: an erroring forbid counts as matching (DENY, the
	 * error in the reason); an erroring permit does not permit. The default.
	 */
	FAIL_CLOSED,

	/**
	 * Skip erroring policies, as Cedar and the Sondera Python SDK do. A forbid whose
	 * condition errors then lets the request through: use only to reproduce the SDK.
	 */
	IGNORE

}
