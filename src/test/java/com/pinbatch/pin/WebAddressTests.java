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
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"https://www.acme.example/café au lait?utm_campaign=spring sale"
					+ "|https://www.acme.example/café%20au%20lait?utm_campaign=spring%20sale",
			"https://images.example.com/my photo.jpg|https://images.example.com/my%20photo.jpg",
			"https://bücher.example/angebote|https://xn--bcher-kva.example/angebote",
			"HTTPS://Bücher.example:8443/a b|https://xn--bcher-kva.example:8443/a%20b",
			"https://www.acme.example/50%off^{deal}|https://www.acme.example/50%25off%5E%7Bdeal%7D",
			"https://www.acme.example/a%20b c|https://www.acme.example/a%20b%20c",
			"https://www.acme.example/\"quoted\"|https://www.acme.example/%22quoted%22" })
	void anAddressTypedWithSpacesOrAnotherScriptIsSentAsABrowserSendsIt(String typed, String sent) {
		assertThat(WebAddress.parse(typed)).as("refused as typed").isEmpty();

		assertThat(WebAddress.browserForm(typed)).contains(sent);
		assertThat(WebAddress.parse(sent)).isPresent();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = { "https://a.example/x https://b.example/y",
			"ftp://files.example/a b.jpg", "https:// a.example/x", "https://us er@bücher.example/a",
			"https://bad host.example/a", "https:///a b" })
	void whatIsNotOneWebAddressStaysRefused(String typed) {
		assertThat(WebAddress.browserForm(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "www.acme.example/page|https://www.acme.example/page",
			"WWW.acme.example|https://WWW.acme.example", "www.acme.example/a b.jpg|https://www.acme.example/a%20b.jpg",
			"www.|", "wwwacme.example/page|", "images/www.a.jpg|", "https://www.acme.example|", "www.a b.example/x|" })
	void anAddressTypedWithoutItsSchemeFromWwwOnGetsHttps(String typed, String sent) {
		assertThat(WebAddress.withHttps(typed)).isEqualTo(Optional.ofNullable(sent));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "shop.example/page|true", "images.example.com/b.jpg|true",
			"acme-home.co.uk|true", "photos/a.jpg|false", "a.jpg|false", "2024.06/a.jpg|false", "my photo.jpg|false",
			"./a.jpg|false", "../x.example/a.jpg|false" })
	void adviceOnAMissingSchemeIsGivenOnlyForWhatStartsLikeAHostName(String typed, boolean host) {
		assertThat(WebAddress.startsLikeHost(typed)).isEqualTo(host);
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
