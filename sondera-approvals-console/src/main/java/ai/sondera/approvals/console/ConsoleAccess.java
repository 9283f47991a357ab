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

/**
 * Who may use the approvals console, and who they are.
 *
 * @author Sondera
 */
public interface ConsoleAccess {

	/**
	 * Return the approver making a request, refusing one who may not use the console.
	 * @param request the request
	 * @return the approver's name, as recorded with a decision
	 * @throws org.springframework.web.server.ResponseStatusException 401 without
	 * authentication, 403 without the authority
	 */
	String approver(HttpServletRequest request);

	/**
	 * Check that a request that decides is protected against cross-site request
	 * forgery, and return the approver.
	 * @param request the request
	 * @return the approver's name
	 * @throws org.springframework.web.server.ResponseStatusException 403 without CSRF
	 * protection
	 */
	String decider(HttpServletRequest request);

	/**
	 * Return what the page must send with a decision (the CSRF header and token), if
	 * anything.
	 * @param request the request
	 * @return header name and token, or empty
	 */
	Map<String, String> csrf(HttpServletRequest request);

}
