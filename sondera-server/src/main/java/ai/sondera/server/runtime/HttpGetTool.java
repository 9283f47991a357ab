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
package ai.sondera.server.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ai.sondera.harness.Tool;

/**
 * {@code tool.http_get}: a GET of {@code params.url}, only to hosts in the allowlist (an
 * empty allowlist refuses every call), with connect and read timeouts, no redirects
 * followed, and the body cut at a size cap. Returns {@code {"status": ..., "body": ...,
 * "truncated": ...}}.
 *
 * @author Sondera
 */
final class HttpGetTool implements RuntimeTool {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private static final int MAX_BODY_BYTES = 1024 * 1024;

	private final Set<String> allowedHosts;

	private final HttpClient client;

	HttpGetTool(Set<String> allowedHosts) {
		this.allowedHosts = allowedHosts.stream()
			.map((host) -> host.trim().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		this.client = HttpClient.newBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public String kind() {
		return "tool.http_get";
	}

	@Override
	public Tool definition() {
		return Tool.of(ToolKinds.toolName(kind()), "GET a URL on an allowed host",
				"{\"type\": \"object\", \"properties\": {\"url\": {\"type\": \"string\"}}}");
	}

	@Override
	public Object run(Map<String, Object> params) throws IOException, InterruptedException {
		URI uri = allowedUri(params.get("url"));
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT).GET().build();
		HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
			boolean truncated = bytes.length > MAX_BODY_BYTES;
			Map<String, Object> output = new LinkedHashMap<>();
			output.put("status", response.statusCode());
			output.put("body", new String(bytes, 0, Math.min(bytes.length, MAX_BODY_BYTES), StandardCharsets.UTF_8));
			output.put("truncated", truncated);
			return output;
		}
	}

	private URI allowedUri(Object url) {
		if (!(url instanceof String text)) {
			throw new ToolRefusedException("tool.http_get needs 'url', a string");
		}
		URI uri;
		try {
			uri = URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ToolRefusedException("tool.http_get: 'url' is not a URL: " + ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new ToolRefusedException("tool.http_get: 'url' must be an http or https URL with a host");
		}
		if (this.allowedHosts.isEmpty()) {
			throw new ToolRefusedException(
					"tool.http_get: no host is allowed (start the runtime with --allowed-domains)");
		}
		if (!this.allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
			throw new ToolRefusedException("tool.http_get: host '" + uri.getHost() + "' is not in the allowlist "
					+ this.allowedHosts.stream().sorted().toList());
		}
		return uri;
	}

}
