package com.pinbatch.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTests {

	private static final String RUN = "0123456789abcdef0123456789abcdef";

	@Test
	void aRunForRealSendsTheIdsEarlierVersionsSentSoAResumeAfterAnUpgradeIsReplayed() {
		String id = RequestIds.of(RUN, 42, false);

		assertThat(id).isEqualTo(UUID.nameUUIDFromBytes((RUN + "/42").getBytes(StandardCharsets.UTF_8)).toString());
		assertThat(RequestIds.sentToSandbox(id)).isFalse();
	}

	@Test
	void aRunOnTheSandboxSendsValidUuidsOfItsOwnVersionTheSameForEveryAttemptOfARow() {
		String id = RequestIds.of(RUN, 42, true);

		assertThat(UUID.fromString(id).version()).isEqualTo(8);
		assertThat(UUID.fromString(id).variant()).isEqualTo(2);
		assertThat(id).isEqualTo(RequestIds.of(RUN, 42, true)).isNotEqualTo(RequestIds.of(RUN, 43, true));
		assertThat(RequestIds.sentToSandbox(id)).isTrue();
		assertThat(RequestIds.sentToSandbox(" " + id + " ")).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "abc", "1-2-3-4-5", "0a8b3c4d-1111-8222-8333-44445555666Z",
			"0a8b3c4d-1111-8222-8333-4444555566667" })
	void textThatIsNoIdOfPinbatchsIsNotTheSandboxs(String text) {
		assertThat(RequestIds.sentToSandbox(text)).isFalse();
	}
}
