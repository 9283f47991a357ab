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

package ai.sondera.approvals.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Console access without Spring Security ({@code sondera.approval.console.allow-anonymous=true},
 * loopback demos): anyone who reaches the console decides, recorded as
 * {@code anonymous}. A decision must still come from the console's own page (a custom
 * header that a cross-site form cannot send).
 *
 * @author Sondera
 */
public class AnonymousConsoleAccess implements ConsoleAccess {

	static final String HEADER = "X-Sondera-Console";

	@Override
	public String approver(HttpServletRequest request) {
		return "anonymous";
	}

	@Override
	public String decider(HttpServletRequest request) {
		if (!"1".equals(request.getHeader(HEADER))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Decisions come from the console page only");
		}
		return approver(request);
	}

	@Override
	public Map<String, String> csrf(HttpServletRequest request) {
		return Map.of("header", HEADER, "token", "1");
	}

}
