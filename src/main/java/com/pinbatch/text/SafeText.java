package com.pinbatch.text;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The one sanitiser for text a server or a spreadsheet cell controls, applied wherever such text is printed or
 * written (console, logs, result files, the summary). It removes what a terminal, a log viewer or a spreadsheet
 * would act on instead of showing: C0 and C1 control characters and DEL (escape sequences, bells, carriage returns
 * that overwrite a line), bidirectional overrides (text that reads differently than it is) and, in a line of output,
 * zero-width characters (hidden text). A zero-width joiner between two symbols is kept there: it is how emoji
 * sequences are written. A cell keeps its zero-width characters and direction marks: they are part of the words
 * (an emoji sequence's joiner after a skin tone, a Persian non-joiner, a soft hyphen), and a retry sends the cell as
 * the result file holds it.
 * <p>
 * It also hides the API key: the key registered with {@link #hide} and any bearer token are replaced wherever they
 * appear, so a library's exception message that quotes a header cannot print it.
 */
public final class SafeText {

	/** A line longer than this is cut: a server's error page is not a message. */
	public static final int MAX_LINE = 2_000;

	private static final String HIDDEN = "(hidden)";

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

	/**
	 * Zernio keys look like sk_live_..., sk_test_..., sk_ and 32 or more hex digits, or zrk_ and a long token (a
	 * restricted key); a shorter code ("sk_0000111122223333", an SKU) or a word is none.
	 */
	private static final Pattern KEY_LIKE = Pattern
		.compile("\\bsk_[A-Za-z0-9]+_[A-Za-z0-9_\\-]{6,}|\\bsk_[0-9a-fA-F]{32,}|\\bzrk_[A-Za-z0-9]{24,}");

	private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

	/**
	 * Each secret as a server may write it back, found whatever the case of its letters: as given, and percent-encoded
	 * (a key quoted in a URL's query): a key upper-cased or encoded is the key still.
	 */
	private static final List<String> WRITTEN_FORMS = new CopyOnWriteArrayList<>();

	private SafeText() {
	}

	/** Registers a secret (the API key) that must never appear in output. */
	public static void hide(String secret) {
		if (secret != null && secret.length() >= 6 && !SECRETS.contains(secret)) {
			SECRETS.add(secret);
			WRITTEN_FORMS.add(secret);
			String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
			if (!encoded.equals(secret)) {
				WRITTEN_FORMS.add(encoded);
			}
		}
	}

	/**
	 * How many secrets are registered: it only grows, so text made safe while it had a value is still safe while it
	 * has it (a writer may keep what it made of a repeated cell).
	 */
	public static int secretsHidden() {
		return SECRETS.size();
	}

	/** Text for one line of output: line breaks and tabs become spaces, the rest is removed, long text is cut. */
	public static String line(String text) {
		if (text == null) {
			return null;
		}
		String visible = redactKeyLike(redact(text));
		if (visible.length() > MAX_LINE) {
			// cut first (whole characters only), then clean: the cut must not leave half a pair or a joiner behind;
			// the middle goes, since a line starts with what it is about and ends with what to do
			int head = wholeCharacters(visible, MAX_LINE / 4);
			int tail = visible.length() - (MAX_LINE - MAX_LINE / 4);
			tail += Character.isLowSurrogate(visible.charAt(tail)) ? 1 : 0;
			visible = visible.substring(0, head) + "…" + visible.substring(tail);
		}
		return clean(visible, false, false, false);
	}

	/** The end of the first {@code chars} characters, not between the two halves of one. */
	private static int wholeCharacters(String text, int chars) {
		return Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
	}

	/**
	 * Text for a cell of a result file: as {@link #line}, but line breaks and tabs are kept and nothing is cut; only
	 * the registered key is hidden (a cell's own words that merely look like a token stay as they are).
	 */
	public static String cell(String text) {
		if (text == null) {
			return null;
		}
		return clean(redact(text), true, true, true);
	}

	/** {@link #cell} of at most {@code maxChars} characters (a spreadsheet's cell limit), cut at a whole character. */
	public static String cell(String text, int maxChars) {
		if (text == null || text.length() <= maxChars) {
			return cell(text);
		}
		return cell(text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, maxChars))));
	}

	/**
	 * Text for the terminal or a log, possibly several lines: as {@link #cell} (tabs become spaces), and a quoted
	 * bearer token or key-like word is hidden too.
	 */
	public static String output(String text) {
		if (text == null) {
			return null;
		}
		return clean(redactKeyLike(redact(text)), true, false, false);
	}

	/**
	 * The text with the key (and any bearer token or key-like word) hidden, nothing else changed: for what a server
	 * says, before it is kept anywhere (an exception that the job repository stores, a row's message).
	 */
	public static String withoutSecrets(String text) {
		return text == null ? null : redactKeyLike(redact(text));
	}

	/**
	 * The text with the registered key hidden (as given, upper-cased, percent-encoded or spread out), nothing else
	 * changed: for the values of a server's answer before any is kept, where a post's own words ("torch bearer
	 * costume") must stay as they are, since they are compared with the row's to find its pin.
	 */
	public static String withoutKey(String text) {
		return text == null ? null : redact(text);
	}

	/** A print stream whose text goes through {@link #output} first: what the command prints to the terminal. */
	public static PrintStream printStream(PrintStream target) {
		return new SafePrintStream(target);
	}

	/** True for the characters {@link #line} and {@link #cell} remove (the visible rest is left as it is). */
	public static boolean isHidden(int codePoint) {
		return codePoint < 0x20 || codePoint >= 0x7F && codePoint <= 0x9F || isFormat(codePoint)
				|| codePoint >= 0xD800 && codePoint <= 0xDFFF // half a pair: no character at all
				|| codePoint == 0xFFFE || codePoint == 0xFFFF;
	}

	private static boolean isFormat(int c) {
		return c == 0x00AD || c == 0x061C || c == 0x180E || c >= 0x200B && c <= 0x200F || c >= 0x2028 && c <= 0x202E
				|| c >= 0x2060 && c <= 0x2069 || c == 0xFEFF || c >= 0xFFF9 && c <= 0xFFFB;
	}

	private static String redact(String text) {
		String result = text;
		for (String form : WRITTEN_FORMS) {
			for (int at = indexIgnoringCase(result, form, 0); at >= 0; at = indexIgnoringCase(result, form, at)) {
				result = result.substring(0, at) + HIDDEN + result.substring(at + form.length());
				at += HIDDEN.length();
			}
		}
		for (String secret : SECRETS) {
			result = hideSpreadOut(result, secret);
		}
		return result;
	}

	/** Where {@code form} stands in {@code text} from {@code from} on, the case of letters aside; -1 if nowhere. */
	private static int indexIgnoringCase(String text, String form, int from) {
		char lower = Character.toLowerCase(form.charAt(0));
		char upper = Character.toUpperCase(form.charAt(0));
		for (int i = from, last = text.length() - form.length(); i <= last; i++) {
			char c = text.charAt(i); // the first letter first: most cells hold no such letter at all
			if ((c == lower || c == upper) && text.regionMatches(true, i, form, 0, form.length())) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The secret hidden also where characters that are removed or unseen stand between its letters: an escape, a
	 * zero-width space. Removed, they would join the key again; kept in a cell, the key would look whole.
	 */
	private static String hideSpreadOut(String text, String secret) {
		if (text.chars().noneMatch(SafeText::isHidden)) {
			return text; // nearly always: nothing could spread a secret out
		}
		StringBuilder seen = new StringBuilder(text.length());
		int[] from = new int[text.length()];
		for (int i = 0; i < text.length(); i++) {
			if (!isHidden(text.charAt(i))) {
				from[seen.length()] = i;
				seen.append(text.charAt(i));
			}
		}
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		for (int at = seen.indexOf(secret); at >= 0; at = seen.indexOf(secret, at + secret.length())) {
			out.append(text, copied, from[at]).append(HIDDEN);
			copied = from[at + secret.length() - 1] + 1;
		}
		return copied == 0 ? text : out.append(text, copied, text.length()).toString();
	}

	/** A message may quote an Authorization header or a key that was never registered (a rejected one). */
	private static String redactKeyLike(String text) {
		String result = BEARER.matcher(text).replaceAll("$1" + HIDDEN);
		return result.contains("k_") ? KEY_LIKE.matcher(result).replaceAll(HIDDEN) : result;
	}

	/**
	 * Zero-width characters, the soft hyphen and direction marks, which words are written with: a cell keeps them
	 * (the bidirectional embeddings, overrides and isolates are not among them).
	 */
	private static boolean isPartOfWords(int c) {
		return c == 0x00AD || c == 0x061C || c == 0x180E || c >= 0x200B && c <= 0x200F || c >= 0x2060 && c <= 0x2064;
	}

	/** @param inCell keep what {@link #isPartOfWords} */
	private static boolean removed(int c, boolean inCell) {
		return isHidden(c) && !(inCell && isPartOfWords(c));
	}

	private static String clean(String text, boolean multiLine, boolean tabs, boolean inCell) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			char plain = text.charAt(i);
			if (plain >= 0x20 && plain < 0x7F) {
				i++; // printable ASCII, most of every cell: never removed
				continue;
			}
			int c = text.codePointAt(i);
			if (removed(c, inCell) || c == 0x2028 || c == 0x2029) {
				break;
			}
			i += Character.charCount(c);
		}
		if (i == length) {
			return text; // nearly always: nothing to remove
		}
		StringBuilder out = new StringBuilder(length);
		out.append(text, 0, i);
		int previous = i == 0 ? -1 : text.codePointBefore(i);
		while (i < length) {
			int c = text.codePointAt(i);
			int width = Character.charCount(c);
			if (c == '\t') {
				out.append(tabs ? "\t" : " ");
			}
			else if (c == '\n' || c == 0x2028 || c == 0x2029) {
				out.append(multiLine ? "\n" : " ");
			}
			else if (c == '\r') {
				// CRLF is a line break; a lone CR would overwrite the line on a terminal
				if (i + 1 < length && text.charAt(i + 1) == '\n') {
					out.append(multiLine ? "\r" : "");
				}
				else {
					out.append(multiLine ? "\n" : " ");
				}
			}
			else if (c == 0x200D && isSymbol(previous) && i + width < length && isSymbol(text.codePointAt(i + width))) {
				out.appendCodePoint(c);
			}
			else if (!removed(c, inCell)) {
				out.appendCodePoint(c);
			}
			previous = c;
			i += width;
		}
		return out.toString();
	}

	/** Emoji and other pictographs, which zero-width joiners legitimately join. */
	private static boolean isSymbol(int c) {
		return c >= 0 && Character.getType(c) == Character.OTHER_SYMBOL;
	}
}
