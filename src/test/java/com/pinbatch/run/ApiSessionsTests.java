package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Before: a plain-http Zernio on another machine was taken without a word, the key crossing the network readable. */
class ApiSessionsTests {

	@Test
	void aPlainHttpZernioOnAnotherMachineIsSaidAtStart() {
		assertThat(ApiSessions.plainHttpNote(URI.create("http://gateway.corp.example/api"))).isEqualTo("note: Zernio"
				+ " is asked in plain http at gateway.corp.example: the API key and the pins cross the network"
				+ " readable; give an https --zernio.base-url");
		assertThat(ApiSessions.plainHttpNote(URI.create("http://10.0.0.7:8080/api"))).startsWith("note:");
		assertThat(ApiSessions.plainHttpNote(URI.create("https://zernio.com/api"))).isNull();
		assertThat(ApiSessions.plainHttpNote(URI.create("http://127.0.0.1:8091/api"))).as("a simulator here").isNull();
		assertThat(ApiSessions.plainHttpNote(URI.create("http://localhost:8091/api"))).isNull();
	}

	@Test
	void anAddressAFileGivesIsSaidUnlessItIsZerniosOwn() {
		Path file = Path.of("config/application.yml");

		assertThat(ApiSessions.setInAFile(URI.create("http://127.0.0.1:18080/api"), Optional.of(file)))
			.isEqualTo("pinbatch: Zernio is asked at http://127.0.0.1:18080/api, as config/application.yml says:"
					+ " the API key goes there");
		// the shipped config/application.yml names Zernio's own: a run from the project's folder said so every time
		assertThat(ApiSessions.setInAFile(URI.create("https://zernio.com/api"), Optional.of(file))).isNull();
		assertThat(ApiSessions.setInAFile(URI.create("http://127.0.0.1:18080/api"), Optional.empty())).isNull();
	}
}
