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

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * The assistant's tools: the kind real agents have. They act on a simulated world (no
 * file, shell, network, mail or bank is touched) and record what they did, so the
 * output shows which calls really ran.
 *
 * @author Sondera
 */
@Component
public class AssistantTools {

	private final List<String> effects = new CopyOnWriteArrayList<>();

	@Tool(description = "Read a text file")
	public String readFile(@ToolParam(description = "Path of the file") String path) {
		this.effects.add("read " + path);
		if (path.contains("id_rsa")) {
			return "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
		}
		return "Buy milk. Call ACME about invoice 42.";
	}

	@Tool(description = "Run a shell command")
	public String runCommand(@ToolParam(description = "The command line") String command) {
		this.effects.add("ran " + command);
		return "exit 0";
	}

	@Tool(description = "Fetch a web page")
	public String fetchUrl(@ToolParam(description = "The URL") String url) {
		this.effects.add("fetched " + url);
		return "<html>Example Domain</html>";
	}

	@Tool(description = "Transfer money to a payee")
	public String transferMoney(@ToolParam(description = "Payee") String to,
			@ToolParam(description = "Amount in EUR") double amount) {
		this.effects.add("transferred " + amount + " to " + to);
		return "Transferred " + amount + " EUR to " + to;
	}

	@Tool(description = "Send an email")
	public String sendEmail(@ToolParam(description = "Recipient address") String to,
			@ToolParam(description = "Subject") String subject, @ToolParam(description = "Body") String body) {
		this.effects.add("emailed " + to);
		return "Sent to " + to;
	}

	/**
	 * Return what the tools really did.
	 * @return the effects, in order
	 */
	public List<String> effects() {
		return this.effects;
	}

}
