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

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the approvals console.
 *
 * @author Sondera
 */
@ConfigurationProperties("sondera.approval.console")
public class ApprovalConsoleProperties {

	/**
	 * Whether to serve the approvals console (it also turns on PendingApprovals).
	 */
	private boolean enabled;

	/**
	 * Where the console is served.
	 */
	private String path = "/sondera/approvals";

	/**
	 * The authority a user needs to see and decide approvals (with Spring Security).
	 */
	private String authority = "SONDERA_APPROVER";

	/**
	 * Serve the console without Spring Security, to anyone who reaches it (loopback
	 * demos only); without Spring Security and this, the application does not start.
	 */
	private boolean allowAnonymous;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getAuthority() {
		return this.authority;
	}

	public void setAuthority(String authority) {
		this.authority = authority;
	}

	public boolean isAllowAnonymous() {
		return this.allowAnonymous;
	}

	public void setAllowAnonymous(boolean allowAnonymous) {
		this.allowAnonymous = allowAnonymous;
	}

}
