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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import reactor.core.publisher.Flux;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Harness;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.spring.ai.SonderaContextKeys;
import ai.sondera.spring.ai.tool.AgentToolCatalog;

/**
 * Opens the trajectory of a ChatClient call and hands it to everything inside the call:
 * the model-turn advisor (through the advisor context) and the guarded tools (through the
 * tool context), so that they reach it on any thread. Marks the call with PRE_RUN and
 * POST_RUN; a failed call marks the trajectory failed.
 *
 * <p>
 * With a ChatMemory conversation id ({@link ChatMemory#CONVERSATION_ID}) every call of
 * the conversation continues the same trajectory (kept in memory for the 10,000 most
 * recent conversations, or, with a shared {@link ConversationIndex}, looked up there and
 * resumed from the harness's store on every call); otherwise each call has its own. Runs outside the tool-calling
 * loop, once per call. Set the advisor parameter {@link #DISABLED} to {@code true} to opt
 * a client or call out.
 *
 * @author Sondera
 */
public class SonderaConversationAdvisor implements CallAdvisor, StreamAdvisor {

	private static final Log logger = LogFactory.getLog(SonderaConversationAdvisor.class);

	/**
	 * Advisor parameter that turns model-turn policies off for a client or call (the
	 * same as {@link SonderaContextKeys#DISABLED}).
	 */
	public static final String DISABLED = SonderaContextKeys.DISABLED;

	/** Outside the tool-calling loop, inside memory advisors. */
	public static final int ORDER = ToolCallingAdvisor.DEFAULT_ORDER - 50;

	private static final int MAX_CONVERSATIONS = 10_000;

	private final Harness harness;

	private final AgentToolCatalog catalog;

	private final ConversationIndex index;

	private final Map<String, Trajectory> conversations = Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Trajectory> eldest) {
				return size() > MAX_CONVERSATIONS;
			}
		});

	/**
	 * Create the advisor.
	 * @param harness the harness
	 * @param catalog the agent's tools
	 */
	public SonderaConversationAdvisor(Harness harness, AgentToolCatalog catalog) {
		this(harness, catalog, null);
	}

	/**
	 * Create the advisor with a shared conversation index: each call of a conversation
	 * resumes its trajectory from the harness's store, so that the conversation continues
	 * on any instance.
	 * @param harness the harness
	 * @param catalog the agent's tools
	 * @param index the shared conversation index, or {@code null} to keep conversations
	 * in this JVM's memory
	 */
	public SonderaConversationAdvisor(Harness harness, AgentToolCatalog catalog, ConversationIndex index) {
		this.harness = Objects.requireNonNull(harness, "'harness' must not be null");
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.index = index;
	}

	@Override
	public String getName() {
		return "Sondera conversation";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		if (skip(request)) {
			return chain.nextCall(request);
		}
		Opened opened = open(request);
		try {
			ChatClientResponse response = chain.nextCall(bind(request, opened.call()));
			close(opened, null);
			return response;
		}
		catch (RuntimeException ex) {
			close(opened, ex);
			throw ex;
		}
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		if (skip(request)) {
			return chain.nextStream(request);
		}
		return Flux.defer(() -> {
			Opened opened = open(request);
			return chain.nextStream(bind(request, opened.call()))
				.doOnComplete(() -> close(opened, null))
				.doOnError((ex) -> close(opened, ex));
		});
	}

	private static boolean skip(ChatClientRequest request) {
		return Boolean.TRUE.equals(request.context().get(DISABLED))
				|| request.context().get(SonderaContextKeys.CALL) != null;
	}

	private Opened open(ChatClientRequest request) {
		Object conversationId = request.context().get(ChatMemory.CONVERSATION_ID);
		Agent agent = this.catalog.include(definitions(request.prompt()));
		Trajectory trajectory;
		if (conversationId != null && this.index != null) {
			trajectory = shared(conversationId.toString(), agent);
		}
		else if (conversationId != null) {
			String id = conversationId.toString();
			synchronized (this.conversations) {
				Trajectory known = this.conversations.get(id);
				trajectory = (known == null) ? this.harness.initialize(agent, id)
						: (known.agent().equals(agent) ? known : extend(known, agent, id));
				this.conversations.put(id, trajectory);
			}
		}
		else {
			trajectory = this.harness.initialize(agent, null);
		}
		try {
			trajectory.adjudicate(Stage.PRE_RUN, Role.USER, new PromptContent(lastUserText(request.prompt())));
		}
		catch (RuntimeException ex) {
			// Run stages are never denied; a failure to record one surfaces (and fails
			// closed) at the checkpoints that follow.
			logger.warn("Could not record the start of a call in trajectory " + trajectory.id() + ": "
					+ ex.getMessage());
		}
		return new Opened(new ConversationCall(trajectory), conversationId);
	}

	/**
	 * Continue a conversation of the shared index from the store (another instance may
	 * have added steps since this one last saw it).
	 */
	private Trajectory shared(String conversationId, Agent agent) {
		try {
			Trajectory trajectory = this.index.trajectoryOf(conversationId)
				.map((trajectoryId) -> resume(trajectoryId, agent, conversationId))
				.orElse(null);
			if (trajectory != null) {
				return trajectory;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look up conversation " + conversationId + " (" + ex.getMessage() + ")");
		}
		// If the store is down too, the new trajectory's checkpoints fail (closed).
		Trajectory trajectory = this.harness.initialize(agent, conversationId);
		try {
			this.index.save(conversationId, trajectory.id());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record trajectory " + trajectory.id() + " of conversation " + conversationId + " ("
					+ ex.getMessage() + ")");
		}
		return trajectory;
	}

	private Trajectory resume(String trajectoryId, Agent agent, String conversationId) {
		try {
			return this.harness.resume(trajectoryId, agent);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not resume trajectory " + trajectoryId + " of conversation " + conversationId + " ("
					+ ex.getMessage() + "); continuing in a new trajectory");
			return null;
		}
	}

	/**
	 * Continue a conversation with an agent that gained tools; if its trajectory cannot
	 * be read back, the conversation goes on in a new one.
	 */
	private Trajectory extend(Trajectory known, Agent agent, String conversationId) {
		Trajectory resumed = resume(known.id(), agent, conversationId);
		return (resumed != null) ? resumed : this.harness.initialize(agent, conversationId);
	}


	private void close(Opened opened, Throwable error) {
		Trajectory trajectory = opened.call().trajectory();
		try {
			if (error != null) {
				if (opened.conversationId() != null) {
					forget(opened.conversationId().toString());
				}
				trajectory.fail(String.valueOf(error.getMessage()));
				return;
			}
			trajectory.adjudicate(Stage.POST_RUN, Role.MODEL, new PromptContent(""));
			if (opened.conversationId() == null) {
				trajectory.finish();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the end of a call in trajectory " + trajectory.id() + ": " + ex.getMessage());
		}
	}

	private void forget(String conversationId) {
		if (this.index != null) {
			this.index.remove(conversationId);
		}
		else {
			this.conversations.remove(conversationId);
		}
	}

	private static ChatClientRequest bind(ChatClientRequest request, ConversationCall call) {
		Prompt prompt = request.prompt();
		if (prompt.getOptions() instanceof ToolCallingChatOptions options) {
			prompt = new Prompt(prompt.getInstructions(),
					options.mutate().toolContext(SonderaContextKeys.TRAJECTORY, call.trajectory()).build());
		}
		return request.mutate().prompt(prompt).context(SonderaContextKeys.CALL, call).build();
	}

	private static List<ToolDefinition> definitions(Prompt prompt) {
		if (prompt.getOptions() instanceof ToolCallingChatOptions options && options.getToolCallbacks() != null) {
			return options.getToolCallbacks().stream().map(ToolCallback::getToolDefinition).toList();
		}
		return List.of();
	}

	private static String lastUserText(Prompt prompt) {
		String text = "";
		for (Message message : prompt.getInstructions()) {
			if (message.getMessageType() == MessageType.USER && message.getText() != null) {
				text = message.getText();
			}
		}
		return text;
	}

	private record Opened(ConversationCall call, Object conversationId) {
	}

}
