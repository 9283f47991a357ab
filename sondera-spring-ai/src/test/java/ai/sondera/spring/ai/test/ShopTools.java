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
package ai.sondera.spring.ai.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.ai.tool.annotation.Tool;

/**
 * Tools with visible effects: every purchase that really happened is in
 * {@link #purchases()}.
 */
public class ShopTools {

	private final List<String> purchases = new CopyOnWriteArrayList<>();

	@Tool(description = "Buy an item")
	public String buy(String item, long quantity) {
		this.purchases.add(item + " x" + quantity);
		return "bought " + quantity + " " + item;
	}

	@Tool(description = "Show the receipt")
	public String receipt() {
		return "card 4111-SECRET, total 12";
	}

	public List<String> purchases() {
		return this.purchases;
	}

}
