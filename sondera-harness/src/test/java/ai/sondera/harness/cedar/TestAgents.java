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

import java.util.List;

import ai.sondera.harness.Agent;
import ai.sondera.harness.Tool;

/**
 * Agents used across the tests. {@code MyAgent} has the tools the Sondera docs' example
 * policies name.
 */
final class TestAgents {

	static final Agent MY_AGENT = new Agent("my-agent", "test", "MyAgent", "An agent", "Be careful", List.of(
			Tool.of("Bash", "Run a shell command",
					"""
							{"type": "object", "properties": {"command": {"type": "string"}, "timeout": {"type": "integer"}},
							 "required": ["command"]}"""),
			Tool.of("Transfer", "Move money",
					"""
							{"type": "object", "properties": {"amount": {"type": "integer"}, "to": {"type": "string"}}}"""),
			Tool.of("Pay", "Pay an invoice",
					"""
							{"type": "object", "properties": {"amount": {"type": "number"}, "currency": {"type": "string"}},
							 "required": ["amount"]}"""),
			Tool.of("DeleteFiles", "Delete files",
					"""
							{"type": "object", "properties": {"path": {"type": "string"}}}"""),
			Tool.of("DeleteDatabase", "Drop a database", null),
			Tool.of("SendEmail", "Send an email",
					"""
							{"type": "object", "properties": {"to": {"type": "array", "items": {"type": "string"}},
							 "body": {"type": "string"}, "urgent": {"type": "boolean"}}}"""),
			Tool.of("Search", "Search the web", "{\"type\": \"object\", \"properties\": {\"query\": {\"type\": \"string\"}}}"),
			Tool.of("Read", "Read a file", "{\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}}"),
			Tool.of("FileWrite", "Write a file",
					"""
							{"type": "object", "properties": {"path": {"type": "string"}, "content": {"type": "string"}},
							 "required": ["path", "content"]}"""),
			new Tool("Fetch", "Fetch a URL", "{\"type\": \"object\", \"properties\": {\"url\": {\"type\": \"string\"}}}",
					"""
							{"type": "object", "properties": {"status": {"type": "integer"}, "body": {"type": "string"}}}""")));

	static final Agent CODING_AGENT = new Agent("coding-agent-1", "custom", "Coding Agent", "Writes code", "",
			List.of(Tool.of("Bash", "Run a command",
					"{\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}, \"required\": [\"command\"]}")));

	private TestAgents() {
	}

}
