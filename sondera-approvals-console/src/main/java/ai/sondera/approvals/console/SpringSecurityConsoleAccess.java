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
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.server.ResponseStatusException;

/**
 * Console access with Spring Security: the application's security filter chain
 * authenticates; the console requires an authority of the authenticated user, records
 * the user's name as the approver, and refuses decisions that did not pass CSRF
 * protection (the request carries no CSRF token because the chain turned it off).
 *
 * @author Sondera
 */
public class SpringSecurityConsoleAccess implements ConsoleAccess {

	private final String authority;

	/**
	 * Create the access rule.
	 * @param authority the authority an approver needs
	 */
	public SpringSecurityConsoleAccess(String authority) {
		this.authority = authority;
	}

	@Override
	public String approver(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to use the approvals console");
		}
		boolean allowed = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(this.authority::equals);
		if (!allowed) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The approvals console needs the authority '"
					+ this.authority + "' (sondera.approval.console.authority)");
		}
		return authentication.getName();
	}

	@Override
	public String decider(HttpServletRequest request) {
		String approver = approver(request);
		if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Decisions need CSRF protection, which the security filter chain turned off for this path");
		}
		return approver;
	}

	@Override
	public Map<String, String> csrf(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return Map.of("header", token.getHeaderName(), "token", token.getToken());
		}
		return Map.of();
	}

}
