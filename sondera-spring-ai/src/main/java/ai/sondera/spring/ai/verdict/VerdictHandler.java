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

import ai.sondera.harness.Adjudication;

/**
 * Decides what a final verdict (after escalation) does at a checkpoint: proceed, replace
 * the denied thing with a message, ask the model again, or throw. The one place where a
 * denial becomes a steer, a block or a monitored pass-through, for tool calls, tool
 * results, prompts and answers alike, in the spirit of Spring Security's
 * {@code MethodAuthorizationDeniedHandler}. Define a bean to replace
 * {@link DefaultVerdictHandler}.
 *
 * @author Sondera
 */
@FunctionalInterface
public interface VerdictHandler {

	/**
	 * Decide what a verdict does.
	 * @param checkpoint where it was reached
	 * @param verdict the final verdict, ALLOW or DENY
	 * @param enforcement the effective enforcement of the tool or model text
	 * @return what happens
	 */
	VerdictAction handle(Checkpoint checkpoint, Adjudication verdict, Enforcement enforcement);

}
