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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import ai.sondera.spring.ai.test.ScriptedChatModel;

/**
 * The application the console tests run: Spring Boot with Spring MVC and Spring
 * Security's default filter chain, the starter, a payments tool and a scripted model.
 * {@code ana} may approve, {@code bob} may not.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class PaymentsApplication {

	static final String PASSWORD = "secret-pw";

	@Bean
	ScriptedChatModel chatModel() {
		return new ScriptedChatModel();
	}

	@Bean
	PaymentTools paymentTools() {
		return new PaymentTools();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("ana").password("{noop}" + PASSWORD).authorities("SONDERA_APPROVER").build(),
				User.withUsername("bob").password("{noop}" + PASSWORD).authorities("USER").build());
	}

	public static class PaymentTools {

		private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

		@Tool(description = "Transfer money to someone")
		public String transfer(String to, long amount) {
			this.sent.add(to + "=" + amount);
			return "sent " + amount + " to " + to;
		}

		@Tool(description = "Pay out a customer's balance")
		public String payout(String customer) {
			this.sent.add("payout:" + customer);
			return "paid out " + customer;
		}

		public List<String> sent() {
			return this.sent;
		}

	}

}
