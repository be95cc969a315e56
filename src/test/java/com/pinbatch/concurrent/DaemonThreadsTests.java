package com.pinbatch.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.Test;

class DaemonThreadsTests {

	@Test
	void threadsAreNumberedDaemons() {
		ThreadFactory threads = DaemonThreads.named("pin-sender");

		Thread first = threads.newThread(() -> {
		});
		Thread second = threads.newThread(() -> {
		});

		assertThat(first.isDaemon()).isTrue();
		assertThat(second.isDaemon()).isTrue();
		assertThat(first.getName()).isEqualTo("pin-sender-1");
		assertThat(second.getName()).isEqualTo("pin-sender-2");
	}
}
