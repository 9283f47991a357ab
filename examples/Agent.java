import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A minimal agent for the Sondera tool runtime, JDK only (java.net.http).
 *
 * <p>Run it under policy with: {@code sondera run java examples/Agent.java}. It asks the
 * runtime (SONDERA_RUNTIME_URL, or AUTONOMY_RUNTIME_URL) to run three tools and prints each
 * answer. Exits with the code given as its first argument (default 0).
 */
public class Agent {

	public static void main(String[] args) throws Exception {
		String url = System.getenv("SONDERA_RUNTIME_URL");
		String base = ((url != null) ? url : System.getenv("AUTONOMY_RUNTIME_URL")).replaceAll("/+$", "");
		HttpClient client = HttpClient.newHttpClient();
		String[][] calls = {
				{ "tool.echo", "{\"message\": \"hello\"}" },
				{ "tool.shell", "{\"command\": \"rm -rf /\"}" },
				{ "tool.http_get", "{\"url\": \"https://example.com/\"}" } };
		for (String[] call : calls) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/tool"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"" + call[0] + "\", \"params\": " + call[1] + "}"))
				.build();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			System.out.println(call[0] + ": " + response.statusCode() + " " + response.body());
		}
		System.exit((args.length > 0) ? Integer.parseInt(args[0]) : 0);
	}

}
