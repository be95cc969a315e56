package com.pinbatch.pin;

import java.util.Optional;
import java.util.Set;

/** Checks the destination link: a full https URL that is not a URL shortener (Pinterest rejects both). */
final class LinkCheck {

	static final Set<String> SHORTENERS = Set.of("bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly",
			"is.gd", "v.gd", "rebrand.ly", "lnkd.in", "tiny.cc", "cutt.ly", "s.id", "t.ly", "rb.gy", "shorturl.at",
			"bl.ink", "soo.gd", "trib.al", "dlvr.it", "fb.me", "amzn.to", "qr.ae", "short.io");

	private LinkCheck() {
	}

	/**
	 * @return the link as it is sent (as typed, or as a browser writes it: {@link WebAddress#asTyped}), or null when
	 *         the cell is empty or the link has a problem
	 */
	static String check(PinDraft draft, ProblemList problems) {
		if (!draft.has(PinField.LINK)) {
			return null;
		}
		String value = draft.get(PinField.LINK);
		Optional<WebAddress.Typed> typed = WebAddress.asTyped(value);
		if (typed.isEmpty() && WebAddress.startsLikeHost(value)) {
			problems.add(PinField.LINK, "link_invalid", "%s '%s' has no https:// in front — write it like https://%s",
					value, value);
			return null;
		}
		if (typed.isEmpty()) {
			problems.add(PinField.LINK, "link_invalid", "%s '%s' is not a full web address — write it like"
					+ " https://www.example.com/page", value);
			return null;
		}
		WebAddress address = typed.get().address();
		if (!address.isHttps()) {
			problems.add(PinField.LINK, "link_not_https", "%s '%s' does not use https; Pinterest only accepts https"
					+ " links — give the https:// address of the page", value);
			return null;
		}
		if (isShortener(address)) {
			problems.add(PinField.LINK, "link_shortener", "%s '%s' goes through the URL shortener %s, which Pinterest"
					+ " rejects — give the full address of the destination page", value, address.host());
			return null;
		}
		return typed.get().sent();
	}

	/** The host or a domain above it ("www.bit.ly": "bit.ly") is a shortener's: a set look-up per level. */
	private static boolean isShortener(WebAddress address) {
		String domain = address.host();
		while (!SHORTENERS.contains(domain)) {
			int dot = domain.indexOf('.');
			if (dot < 0) {
				return false;
			}
			domain = domain.substring(dot + 1);
		}
		return true;
	}
}
