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

package com.example.agent;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * A test that defines its model as a Mockito mock bean can stub and verify it, although
 * the starter proxies the model bean.
 */
@SpringBootTest(classes = { FreshApplicationTests.ShopApplication.class, MockedModelTests.MockModel.class },
		properties = "spring.main.allow-bean-definition-overriding=true")
class MockedModelTests {

	@Autowired
	ChatModel chatModel;

	@Autowired
	ChatClient.Builder builder;

	@Test
	void mockedModelCanBeStubbed() {
		given(this.chatModel.getOptions()).willReturn(ToolCallingChatOptions.builder().build());
		given(this.chatModel.call(any(Prompt.class))).willReturn(
				new ChatResponse(List.of(new Generation(AssistantMessage.builder().content("Hi!").build()))));
		assertThat(this.builder.build().prompt().user("hello").call().content()).isEqualTo("Hi!");
		then(this.chatModel).should().call(any(Prompt.class));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MockModel {

		@Bean
		ChatModel chatModel() {
			return Mockito.mock(ChatModel.class);
		}

	}

}
