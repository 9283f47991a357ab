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
package ai.sondera.spring.ai.mcp;

import java.security.Principal;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import org.jspecify.annotations.Nullable;

import ai.sondera.harness.Caller;

/**
 * Works out who is calling an MCP server's tools, for {@code context.caller} in policies.
 * The default takes the client's declared name from its {@code initialize} request and
 * the authenticated principal from the transport context under {@link #PRINCIPAL_KEY}
 * (a {@link Principal} or its name), where a transport context extractor of an
 * OAuth2-protected server puts it. Define a bean to read it from elsewhere.
 *
 * @author Sondera
 */
@FunctionalInterface
public interface McpCallerResolver {

	/** The transport-context key of the authenticated principal. */
	String PRINCIPAL_KEY = "principal";

	/** Client name from {@code clientInfo}, principal from {@link #PRINCIPAL_KEY}. */
	McpCallerResolver DEFAULT = (clientInfo, transportContext) -> {
		Object principal = (transportContext != null) ? transportContext.get(PRINCIPAL_KEY) : null;
		String name = (principal instanceof Principal authenticated) ? authenticated.getName()
				: (principal != null) ? principal.toString() : null;
		return new Caller(name, (clientInfo != null) ? clientInfo.name() : null);
	};

	/**
	 * Work out the caller of an MCP session.
	 * @param clientInfo what the client declared, or {@code null}
	 * @param transportContext what the transport knows of the request, or {@code null}
	 * @return the caller
	 */
	Caller resolve(@Nullable Implementation clientInfo, @Nullable McpTransportContext transportContext);

}
