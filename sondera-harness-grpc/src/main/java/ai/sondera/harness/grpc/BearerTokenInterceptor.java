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
package ai.sondera.harness.grpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Lets a call through only with an accepted token: {@code authorization: Bearer <token>}
 * (as the Sondera SDK sends it by default) or the bare token in a configured header (the
 * SDK's {@code SONDERA_API_KEY_HEADER}). Tokens are compared in constant time; anything
 * else is {@code UNAUTHENTICATED}. The standard health service is left open.
 *
 * @author Sondera
 */
public class BearerTokenInterceptor implements ServerInterceptor {

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final String BEARER = "bearer ";

	private final List<byte[]> tokens;

	private final Metadata.Key<String> header;

	/**
	 * Create an interceptor.
	 * @param tokens the accepted tokens (at least one)
	 * @param header another header that may carry the bare token, or {@code null}
	 */
	public BearerTokenInterceptor(List<String> tokens, String header) {
		if (tokens.isEmpty() || tokens.stream().anyMatch((token) -> token == null || token.isBlank())) {
			throw new IllegalArgumentException("At least one non-blank token is required");
		}
		this.tokens = tokens.stream().map((token) -> token.getBytes(StandardCharsets.UTF_8)).toList();
		this.header = (header != null && !header.equalsIgnoreCase("authorization"))
				? Metadata.Key.of(header.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER) : null;
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		if (call.getMethodDescriptor().getServiceName() != null
				&& call.getMethodDescriptor().getServiceName().startsWith("grpc.health.")) {
			return next.startCall(call, headers);
		}
		if (!accepted(token(headers))) {
			call.close(Status.UNAUTHENTICATED.withDescription("a valid token is required (authorization: Bearer <token>)"),
					new Metadata());
			return new ServerCall.Listener<>() {
			};
		}
		return next.startCall(call, headers);
	}

	private String token(Metadata headers) {
		String authorization = headers.get(AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).trim();
		}
		return (this.header != null) ? headers.get(this.header) : null;
	}

	private boolean accepted(String token) {
		if (token == null) {
			return false;
		}
		byte[] presented = token.getBytes(StandardCharsets.UTF_8);
		boolean accepted = false;
		for (byte[] known : this.tokens) {
			accepted |= MessageDigest.isEqual(known, presented);
		}
		return accepted;
	}

	@Override
	public String toString() {
		return "BearerTokenInterceptor[" + this.tokens.size() + " token(s), header "
				+ Objects.requireNonNullElse(this.header, AUTHORIZATION).name() + "]";
	}

}
