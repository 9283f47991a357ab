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

package ai.sondera.boot.autoconfigure.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ai.sondera.harness.PolicyViolationException;
import ai.sondera.spring.ai.approval.ApprovalStore;
import ai.sondera.spring.ai.test.ScriptedChatModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The approvals console in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, installed by {@code .ci/run}), against a running application
 * with Spring Security and a real ChatClient whose tool call escalates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalConsoleBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private ConfigurableApplicationContext application;

	private String base;

	private WebDriver approver;

	private WebDriver colleague;

	@BeforeAll
	void start() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install -y chromium"
					+ " chromium-driver, as .ci/run does)");
		}
		this.application = new SpringApplicationBuilder(PaymentsApplication.class).run("--server.port=0",
				"--sondera.agent.name=Payments", "--sondera.cedar.policies=classpath:console-policies/",
				"--sondera.approval.console.enabled=true", "--sondera.approval.timeout=30s",
				"--sondera.tools.payout.mode=block",
				"--sondera.trajectories.store=memory", "--sondera.audit.path=target/console-audit/" + System.nanoTime(),
				"--spring.main.banner-mode=off");
		this.base = "http://localhost:" + this.application.getEnvironment().getProperty("local.server.port");
		this.approver = browser();
		this.colleague = browser();
		signIn(this.approver, "ana");
		signIn(this.colleague, "ana");
	}

	@AfterAll
	void stop() {
		for (WebDriver driver : new WebDriver[] { this.approver, this.colleague }) {
			if (driver != null) {
				driver.quit();
			}
		}
		if (this.application != null) {
			this.application.close();
		}
	}

	@Test
	void anEscalationShowsWithoutReloadAndApprovingItRunsTheToolAndEndsTheCall() throws Exception {
		open(this.approver);
		open(this.colleague);
		String hostile = "<script>window.pwned = 1</script><img src=x onerror=window.pwned=2>";
		model().thenCall("transfer", "{\"to\": \"" + hostile + "\", \"amount\": 500}")
			.thenSay("Sent.");
		CompletableFuture<String> call = CompletableFuture.supplyAsync(this::ask);
		long stored = awaitPendingInStore();
		WebElement card = new WebDriverWait(this.approver, Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pending .card")));
		long shown = System.nanoTime();
		screenshot(this.approver);
		assertThat(Duration.ofNanos(shown - stored)).as("shown without reload").isLessThan(Duration.ofSeconds(1));
		assertThat(card.findElement(By.cssSelector(".tool")).getText()).isEqualTo("transfer");
		assertThat(card.findElement(By.cssSelector(".reason")).getText()).contains("approve-transfers");
		assertThat(card.findElement(By.cssSelector(".arguments")).getText()).contains(hostile).contains("\"amount\": 500");
		assertThat(card.findElements(By.cssSelector("script, img"))).as("model-written HTML stays text").isEmpty();
		assertThat(((JavascriptExecutor) this.approver).executeScript("return window.pwned === undefined")).isEqualTo(true);
		new WebDriverWait(this.colleague, Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pending .card")));

		card.findElement(By.cssSelector(".comment")).sendKeys("checked with finance");
		card.findElement(By.cssSelector(".approve")).click();
		assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("Sent.");
		assertThat(this.application.getBean(PaymentsApplication.PaymentTools.class).sent()).containsExactly(hostile + "=500");
		new WebDriverWait(this.colleague, Duration.ofSeconds(5))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pending .card"), 0));
		WebElement decided = new WebDriverWait(this.approver, Duration.ofSeconds(5)).until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history tbody tr td.approved")));
		assertThat(decided.findElement(By.xpath("..")).getText()).contains("ana").contains("checked with finance");
	}

	@Test
	void rejectingSteersTheModelAndRecordsTheApprover() throws Exception {
		open(this.approver);
		model().thenCall("transfer", "{\"to\": \"eve\", \"amount\": 900}").thenSay("I could not send it.");
		CompletableFuture<String> call = CompletableFuture.supplyAsync(this::ask);
		WebElement card = new WebDriverWait(this.approver, Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pending .card")));
		card.findElement(By.cssSelector(".comment")).sendKeys("unknown payee");
		card.findElement(By.cssSelector(".reject")).click();
		assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("I could not send it.");
		assertThat(model().lastToolResponses()).singleElement()
			.asString()
			.contains("Escalation rejected by ana: unknown payee");
		assertThat(this.application.getBean(PaymentsApplication.PaymentTools.class).sent()).doesNotContain("eve=900");
		new WebDriverWait(this.approver, Duration.ofSeconds(5)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("#history tbody"), "unknown payee"));
	}

	@Test
	void rejectingBlocksWhereTheToolIsInBlockMode() {
		open(this.approver);
		model().thenCall("payout", "{\"customer\": \"acme\"}");
		CompletableFuture<String> call = CompletableFuture.supplyAsync(this::ask);
		WebElement card = new WebDriverWait(this.approver, Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pending .card")));
		card.findElement(By.cssSelector(".reject")).click();
		assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(PolicyViolationException.class)
			.rootCause()
			.hasMessageContaining("Escalation rejected by ana");
		assertThat(this.application.getBean(PaymentsApplication.PaymentTools.class).sent()).doesNotContain("payout:acme");
	}

	@Test
	void requestsWithoutSignInAuthorityOrCsrfTokenAreRefused() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		assertThat(get(http, "/sondera/approvals/api/pending", null).statusCode()).isEqualTo(401);
		assertThat(get(http, "/sondera/approvals/api/pending", "bob").statusCode()).isEqualTo(403);
		assertThat(get(http, "/sondera/approvals/api/pending", "ana").statusCode()).isEqualTo(200);
		open(this.approver);
		Object status = ((JavascriptExecutor) this.approver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/sondera/approvals/api/some-id/decision', { method: 'POST', credentials: 'same-origin',
					headers: { 'Content-Type': 'application/json' }, body: '{"decision": "approve"}' })
					.then((response) => done(response.status));
				""");
		assertThat(status).as("a signed-in session without the CSRF token").isEqualTo(403L);
	}

	private HttpResponse<String> get(HttpClient http, String path, String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + PaymentsApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private long awaitPendingInStore() throws InterruptedException {
		ApprovalStore store = this.application.getBean(ApprovalStore.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (store.pending().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(store.pending()).isNotEmpty();
		return System.nanoTime();
	}

	private String ask() {
		return this.application.getBean(ChatClient.Builder.class)
			.build()
			.prompt()
			.user("pay")
			.tools(this.application.getBean(PaymentsApplication.PaymentTools.class))
			.call()
			.content();
	}

	private ScriptedChatModel model() {
		return this.application.getBean(ScriptedChatModel.class);
	}

	private void open(WebDriver driver) {
		driver.get(this.base + "/sondera/approvals");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("live"), "live"));
	}

	private void signIn(WebDriver driver, String user) {
		driver.get(this.base + "/login");
		driver.findElement(By.name("username")).sendKeys(user);
		driver.findElement(By.name("password")).sendKeys(PaymentsApplication.PASSWORD);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until((page) -> !page.getCurrentUrl().contains("/login"));
	}

	private static void screenshot(WebDriver driver) throws IOException {
		Path file = Path.of("target", "approvals-console.png");
		Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private static WebDriver browser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,1600"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new ChromeDriver(service, options);
	}

}
