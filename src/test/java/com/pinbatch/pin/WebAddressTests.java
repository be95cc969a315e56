package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a cell is told to be a URL, and which domains an address is on (share pages, shorteners). */
class WebAddressTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://images.example.com/a.jpg|true", "ftp://x.example/a.jpg|true",
			"svn+ssh://x.example/a|true", "a.b-c://x|true", "C:\\pins\\a.jpg|false", "c:/pins/a.jpg|false",
			"pins/a.jpg|false", "1https://x.example/a|false", "ht tps://x.example/a|false", "https|false",
			"://x.example|false", "<https://x.example/a>|false" })
	void aUrlStartsWithASchemeOfTwoCharactersAtLeast(String cell, boolean url) {
		assertThat(WebAddress.hasScheme(cell)).isEqualTo(url);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "dropbox.com|dropbox.com|true", "www.dropbox.com|dropbox.com|true",
			"a.b.dropbox.com|dropbox.com|true", "notdropbox.com|dropbox.com|false", "dropbox.com.evil|dropbox.com|false",
			"com|dropbox.com|false" })
	void anAddressIsOnItsDomainAndTheDomainsAboveIt(String host, String domain, boolean on) {
		WebAddress address = WebAddress.parse("https://" + host + "/a.jpg").orElseThrow();

		assertThat(address.isOn(domain)).isEqualTo(on);
		assertThat(address.lookUpHost(Map.of(domain, "found"))).isEqualTo(on ? Optional.of("found") : Optional.empty());
	}
}
