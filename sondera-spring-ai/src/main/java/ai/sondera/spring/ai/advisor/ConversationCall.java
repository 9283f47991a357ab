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

package ai.sondera.spring.ai.advisor;

import java.util.concurrent.atomic.AtomicBoolean;

import ai.sondera.harness.Trajectory;

/**
 * The trajectory of one ChatClient call, carried in the advisor context (under
 * {@link ai.sondera.spring.ai.SonderaContextKeys#CALL}) so that every
 * model turn and tool call of the call reaches it (on any thread).
 *
 * @param trajectory the trajectory
 * @param promptChecked whether the request's text was adjudicated (once per call)
 * @author Sondera
 */
record ConversationCall(Trajectory trajectory, AtomicBoolean promptChecked) {

	ConversationCall(Trajectory trajectory) {
		this(trajectory, new AtomicBoolean());
	}

}
