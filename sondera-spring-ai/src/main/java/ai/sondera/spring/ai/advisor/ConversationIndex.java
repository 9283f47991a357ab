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

import java.util.Optional;

/**
 * Which trajectory a ChatMemory conversation ({@code ChatMemory.CONVERSATION_ID})
 * continues, shared by the instances of an application so that a conversation moved to
 * another instance, or continued after a restart, keeps its trajectory (and its
 * {@code resource.step_count}). Without one, {@link SonderaConversationAdvisor} keeps
 * the conversations of this JVM in memory.
 *
 * @author Sondera
 */
public interface ConversationIndex {

	/**
	 * Return the trajectory a conversation continues.
	 * @param conversationId the conversation id
	 * @return the trajectory id, or empty for a new conversation
	 */
	Optional<String> trajectoryOf(String conversationId);

	/**
	 * Record the trajectory a conversation continues.
	 * @param conversationId the conversation id
	 * @param trajectoryId the trajectory id
	 */
	void save(String conversationId, String trajectoryId);

	/**
	 * Forget a conversation (its call failed; the next call starts a new trajectory).
	 * @param conversationId the conversation id
	 */
	void remove(String conversationId);

}
