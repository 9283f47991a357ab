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

/**
 * A checkpoint in the agent loop at which the harness adjudicates.
 *
 * <p>
 * Only {@link #PRE_MODEL}/{@link #POST_MODEL} with {@link PromptContent},
 * {@link #PRE_TOOL} with {@link ToolRequestContent} and {@link #POST_TOOL} with
 * {@link ToolResponseContent} are evaluated by policies; every other step is recorded
 * and allowed.
 *
 * @author Sondera
 */
public enum Stage {

	/** Before the agent run starts. Recorded, never evaluated. */
	PRE_RUN,

	/** Before a model call: the prompt the model is about to see. */
	PRE_MODEL,

	/** After a model call: the text the model produced. */
	POST_MODEL,

	/** Before a tool runs: the tool name and its arguments. */
	PRE_TOOL,

	/** After a tool ran: its result. */
	POST_TOOL,

	/** After the agent run ends. Recorded, never evaluated. */
	POST_RUN;

	/**
	 * Return the lower-case name used in stored trajectories ({@code pre_tool}).
	 * @return the wire name
	 */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
