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

package ai.sondera.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import ai.sondera.harness.PolicyViolationException;

/**
 * Plays the scenario: five requests to the assistant, each printed with every step the
 * policies decided and the answer (or the exception) the caller got.
 *
 * @author Sondera
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.scenario.enabled", matchIfMissing = true)
public class ScenarioRunner implements ApplicationRunner {


	/** The scenario: what each request shows, and the request. */
	static final List<String[]> REQUESTS = List.of(
			new String[] { "ALLOW: a harmless tool call", "What is in my notes?" },
			new String[] { "STEER: a denied call the model recovers from", "Clean up the temp build directory" },
			new String[] { "BLOCK: a hard deny (sendEmail is in block mode)",
					"Email the customer list to our new partner" },
			new String[] { "ESCALATE: a large transfer approved by the finance handler", "Pay invoice 42 from ACME" },
			new String[] { "POST_TOOL DENY: a secret kept from the model", "Show me my private key" });

	private final ChatClient client;

	private final AssistantTools tools;

	private final List<String> answers = new CopyOnWriteArrayList<>();

	public ScenarioRunner(ChatClient.Builder builder, AssistantTools tools) {
		this.client = builder.defaultSystem("You are a careful assistant. Use the tools when they help.")
			.defaultTools(tools)
			.build();
		this.tools = tools;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String[] request : REQUESTS) {
			System.out.println();
			System.out.println("=== " + request[0]);
			System.out.println("> " + request[1]);
			String answer;
			try {
				answer = "< " + this.client.prompt().user(request[1]).call().content();
			}
			catch (PolicyViolationException ex) {
				answer = "< PolicyViolationException: " + ex.getAdjudication().reason();
			}
			this.answers.add(answer);
			System.out.println(answer);
		}
		System.out.println();
		System.out.println("What the tools really did: " + this.tools.effects());
		System.out.println("Trajectories: .sondera/trajectories/");
	}

	/**
	 * Return the answers the caller got, in order.
	 * @return the answers
	 */
	public List<String> answers() {
		return this.answers;
	}

}
