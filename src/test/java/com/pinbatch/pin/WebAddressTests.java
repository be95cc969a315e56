package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a cell is told to be a URL, and which domains an address is on (share pages, shorteners). */
class WebAddressTests {

	/** Characters that decide how an address reads: a text of them is plain, or not, as URI reads it. */
	private static final String ADDRESS_CHARACTERS = "aZ09-._~!$&'()*+,;=:@/?#%[] \u00e9";

	@Test
	void aPlainAddressReadsAsJavaNetUriReadsIt() {
		List<String> texts = new ArrayList<>(List.of("https://images.example.com/p/1.jpg",
				"HTTP://Images.Example.COM/A.JPG?Size=Large#Top", "https://a.example", "https://a.example?q",
				"https://a.example#f", "https://a.example/?", "https://a.example/#", "https://1.example/a",
				"https://a.example/x#y#z", "https://a.example./a", "https://-a.example/a", "https://a-.example/a",
				"https://a..example/a", "https://a.1example/a", "https://1/a", "https://a/b", "https://a.example:80/a",
				"https://u@a.example/a", "https://a.example/a%20b", "https://a.example/[a]", "https://a.example/a?[b]",
				"http:/a.example/a", "https:///a", "httpss://a.example", "ftp://a.example/a", "https://a.example/é"));
		Random random = new Random(14);
		for (int i = 0; i < 100_000; i++) {
			StringBuilder text = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
			text.append(random.nextBoolean() ? "shop.example" : "");
			for (int length = random.nextInt(12); length > 0; length--) {
				text.append(ADDRESS_CHARACTERS.charAt(random.nextInt(ADDRESS_CHARACTERS.length())));
			}
			texts.add(text.toString());
		}
		int plain = 0;
		for (String text : texts) {
			WebAddress read = WebAddress.plain(text);
			if (read != null) {
				plain++;
				assertThat(Optional.of(read)).as(text).isEqualTo(readByUri(text));
			}
		}
		assertThat(plain).as("texts read without URI").isGreaterThan(texts.size() / 20);
		assertThat(WebAddress.plain("https://images.example.com/p/1.jpg"))
			.isEqualTo(new WebAddress("https", "images.example.com", "/p/1.jpg"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "HTTPS://Images.Example.COM/A.jpg?Q=1|https://images.example.com/A.jpg?Q=1",
			"https://Shop.example|https://shop.example", "HTTP://A.example:8080#Top|http://a.example:8080#Top",
			"https://User:Secret@A.example/b|https://User:Secret@A.example/b", "IMAGES/A.JPG|IMAGES/A.JPG",
			"C:\\Pins\\A.JPG|C:\\Pins\\A.JPG" })
	void anAddressHasItsSchemeAndHostFoldedToLowerCaseOnly(String cell, String folded) {
		assertThat(WebAddress.withCaseFolded(cell)).isEqualTo(folded);
	}

	private static Optional<WebAddress> readByUri(String text) {
		try {
			URI uri = new URI(text);
			return uri.getScheme() == null || uri.getHost() == null ? Optional.empty()
					: Optional.of(new WebAddress(uri.getScheme().toLowerCase(Locale.ROOT),
							uri.getHost().toLowerCase(Locale.ROOT), uri.getPath() == null ? "" : uri.getPath()));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

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
