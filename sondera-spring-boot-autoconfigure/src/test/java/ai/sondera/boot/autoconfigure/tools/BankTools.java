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

package ai.sondera.boot.autoconfigure.tools;

import org.springframework.ai.tool.annotation.Tool;

/**
 * {@code @Tool} methods on a Spring bean.
 */
public class BankTools {

	private final SideEffects effects;

	public BankTools(SideEffects effects) {
		this.effects = effects;
	}

	@Tool(description = "Transfer money to someone")
	public String transfer(String to, long amount) {
		this.effects.record("transfer", to + "=" + amount);
		return "sent " + amount + " to " + to;
	}

	@Tool(description = "Read the account statement")
	public String statement() {
		this.effects.record("statement", "");
		return "balance: 100, note: SECRET pin 1234";
	}

}
