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
package ai.sondera.harness.cedar.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cedarpolicy.model.Effect;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.policy.PolicyLoadException;
import ai.sondera.harness.policy.PolicyProblem;
import ai.sondera.harness.policy.PolicySource;

/**
 * Reads Cedar policy texts into {@link LoadedPolicy policies}, one statement at a time so
 * that every error names the file and line, and checks the annotations the harness
 * relies on: a unique {@code @id} on every policy, {@code @escalate} only on forbids.
 *
 * @author Sondera
 */
public final class PolicyReader {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final String JNI_PREFIX = "Internal JNI Error: ";

	private PolicyReader() {
	}

	/**
	 * Read every policy of the given sources, reusing the policies of an earlier read
	 * whose statement, source and line did not change (a reload parses only what
	 * changed).
	 * @param sources the sources
	 * @param earlier the policies of an earlier read (empty for none)
	 * @return the policies, in source order
	 * @throws PolicyLoadException listing every problem found
	 */
	public static List<LoadedPolicy> read(List<PolicySource> sources, List<LoadedPolicy> earlier) {
		Map<String, LoadedPolicy> known = new HashMap<>();
		for (LoadedPolicy policy : earlier) {
			known.put(key(policy.origin(), policy.line(), policy.policy().policySrc), policy);
		}
		List<LoadedPolicy> policies = new ArrayList<>();
		List<PolicyProblem> problems = new ArrayList<>();
		Map<String, LoadedPolicy> byId = new HashMap<>();
		for (PolicySource source : sources) {
			for (Statement statement : split(source.text())) {
				LoadedPolicy policy = known.get(key(source.origin(), statement.line(), statement.text()));
				if (policy == null) {
					policy = parse(source.origin(), statement, problems);
				}
				if (policy == null) {
					continue;
				}
				LoadedPolicy existing = byId.putIfAbsent(policy.id(), policy);
				if (existing != null) {
					problems.add(policy.problem("duplicate @id: '" + policy.id() + "' is already used by the policy at "
							+ existing.location() + "; give every policy a unique @id"));
					continue;
				}
				policies.add(policy);
			}
		}
		if (!problems.isEmpty()) {
			throw new PolicyLoadException(problems);
		}
		return policies;
	}

	private static String key(String origin, int line, String text) {
		return origin + '\n' + line + '\n' + text;
	}

	private static LoadedPolicy parse(String origin, Statement statement, List<PolicyProblem> problems) {
		Policy parsed;
		Map<String, String> annotations;
		boolean forbid;
		String ast;
		try {
			parsed = Policy.parseStaticPolicy(statement.text());
			annotations = parsed.getAnnotations();
			forbid = parsed.effect() == Effect.FORBID;
			ast = parsed.toJson();
		}
		catch (InternalException | RuntimeException ex) {
			problems.add(new PolicyProblem(origin, statement.line(), null, syntaxError(statement.text(), ex)));
			return null;
		}
		String id = annotations.get("id");
		if (id == null || id.isBlank()) {
			problems.add(new PolicyProblem(origin, statement.line(), null,
					"missing required @id annotation; add @id(\"a-unique-name\") before permit/forbid"));
			return null;
		}
		boolean escalate = annotations.containsKey("escalate");
		if (escalate && !forbid) {
			problems.add(new PolicyProblem(origin, statement.line(), id,
					"has @escalate but is a permit; @escalate is only valid on forbid policies: change permit to forbid or remove @escalate"));
			return null;
		}
		Map<String, String> custom = new HashMap<>(annotations);
		custom.keySet().removeAll(List.of("id", "reason", "description", "escalate"));
		String description = annotations.getOrDefault("reason", annotations.get("description"));
		PolicyMetadata metadata = new PolicyMetadata(id, description, escalate, annotations.get("escalate"), custom);
		try {
			return new LoadedPolicy(new Policy(statement.text(), id), forbid, metadata, MAPPER.readTree(ast), origin,
					statement.line());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cedar returned an unreadable policy AST for " + id, ex);
		}
	}

	private static String syntaxError(String text, Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int jni = message.indexOf(JNI_PREFIX);
		message = (jni >= 0) ? message.substring(jni + JNI_PREFIX.length()) : message;
		if (text.contains("?principal") || text.contains("?resource")) {
			return "policy templates (?principal, ?resource) are not supported: write a static policy (" + message + ")";
		}
		return "Cedar syntax error: " + message;
	}

	/**
	 * Split a Cedar text into statements at each {@code ;} outside strings and
	 * comments, remembering the line where each statement starts.
	 * @param text the Cedar text
	 * @return the statements
	 */
	public static List<Statement> split(String text) {
		List<Statement> statements = new ArrayList<>();
		int line = 1;
		int start = -1;
		int startLine = 0;
		boolean inString = false;
		boolean inComment = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
				inComment = false;
				continue;
			}
			if (inComment) {
				continue;
			}
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				inComment = true;
				continue;
			}
			if (Character.isWhitespace(c)) {
				continue;
			}
			if (start < 0) {
				start = i;
				startLine = line;
			}
			if (c == '"') {
				inString = true;
			}
			else if (c == ';') {
				statements.add(new Statement(text.substring(start, i + 1), startLine));
				start = -1;
			}
		}
		if (start >= 0) {
			statements.add(new Statement(text.substring(start), startLine));
		}
		return statements;
	}

	/**
	 * One policy statement and the 1-based line where it starts.
	 *
	 * @param text the statement
	 * @param line the line
	 */
	public record Statement(String text, int line) {
	}

}
