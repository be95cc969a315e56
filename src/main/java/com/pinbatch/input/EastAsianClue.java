package com.pinbatch.input;

import static com.pinbatch.input.CodePageClues.LATIN_GUESSES;
import static com.pinbatch.input.CodePageClues.WESTERN;
import static com.pinbatch.input.WordShapes.readsAsText;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Whether a region the detector named a Latin code page for (or nothing) is Japanese, Korean or Chinese, as Excel
 * saves them on such a Windows (code pages 932, 949, 936 and 950, two bytes a character). On a few words the
 * detector has nothing to go on and names Windows-1252, which reads them as signs and stray letters
 * ({@code 北欧風のリビング} as {@code –k‰¢•—‚Ìƒ...}). Each code page reads most such bytes without an error, so the
 * reading must also look like the language: Japanese has kana (half-width katakana, which only old systems wrote,
 * counts against), Korean's words are Hangul syllables alone, Chinese words Han characters alone (simplified, read
 * as GB18030 as the detector names it, before traditional, Big5). Japanese in kanji alone reads as Chinese.
 */
final class EastAsianClue {

	private EastAsianClue() {
	}

	private static final Charset JAPANESE = Charset.forName("windows-31j");

	private static final Charset KOREAN = Charset.forName("x-windows-949");

	static Charset likelier(byte[] region, Charset detected) {
		String asWestern = new String(region, WESTERN);
		if (detected != null && !LATIN_GUESSES.contains(detected)
				|| readsAsText(asWestern) && !signsSideBySide(asWestern)) {
			return detected;
		}
		String asJapanese = TextEncoding.decodedOrNull(region, JAPANESE);
		if (asJapanese != null && japanese(asJapanese)) {
			return JAPANESE;
		}
		String asKorean = TextEncoding.decodedOrNull(region, KOREAN);
		if (asKorean != null && korean(asKorean)) {
			return KOREAN;
		}
		// Simplified Chinese first: Traditional text read as GB18030 meets its symbols and unassigned places at once
		// (the leads of 的 一 不 人 在 have none of its characters), while simplified text reads as Big5 characters too
		for (Charset chinese : List.of(SIMPLIFIED, TRADITIONAL)) {
			String read = TextEncoding.decodedOrNull(region, chinese);
			if (read != null && hanWords(read)) {
				return chinese;
			}
		}
		return detected;
	}

	/** Two signs past ASCII side by side ({@code ´´}, {@code ·¿}): two-byte characters read one byte at a time. */
	private static boolean signsSideBySide(String text) {
		for (int i = 1; i < text.length(); i++) {
			if (sign(text.charAt(i - 1)) && sign(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static boolean sign(char c) {
		return c > 0x7F && !Character.isLetter(c) && !Character.isWhitespace(c) && c != '\u00a0';
	}

	private static final Charset SIMPLIFIED = Charset.forName("GB18030");

	private static final Charset TRADITIONAL = Charset.forName("x-windows-950");

	/** Nothing past ASCII but Han characters and CJK punctuation, two side by side at least, none joined to Latin. */
	private static boolean hanWords(String text) {
		int run = 0;
		int longest = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
			boolean punctuation = c >= '\u3000' && c <= '\u303f' || c >= '\uff01' && c <= '\uff0f';
			if (c > 0x7F && !han && !punctuation || han && (latinLetter(text, i - 1) || latinLetter(text, i + 1))) {
				return false;
			}
			run = han ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		return longest >= 2;
	}

	/**
	 * Kana, a word of three characters or more (Western text read so has its accented letters one by one between
	 * ASCII ones: Mac Roman's {@code É} and the letter after it make one katakana), and no half-width katakana
	 * (Windows-1252's letters À to ß read as such).
	 */
	private static boolean japanese(String text) {
		boolean kana = false;
		int run = 0;
		int longest = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\uff61' && c <= '\uff9f') {
				return false;
			}
			kana |= c >= '\u3041' && c <= '\u30ff';
			run = c >= '\u3000' && c <= '\u9fff' || c >= '\uff01' && c <= '\uff60' ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		return kana && longest >= 3;
	}

	/**
	 * Nothing past ASCII but Hangul syllables, two of them side by side at least (a word), none joined to a Latin
	 * letter: Western text read so has its accented letters make syllables with the letter after them
	 * ({@code brûlée} reads {@code br엓럆}).
	 */
	private static boolean korean(String text) {
		int run = 0;
		int longest = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean syllable = c >= '\uac00' && c <= '\ud7a3';
			if (c > 0x7F && !syllable || syllable && (latinLetter(text, i - 1) || latinLetter(text, i + 1))) {
				return false;
			}
			run = syllable ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		return longest >= 2;
	}

	private static boolean latinLetter(String text, int at) {
		return at >= 0 && at < text.length() && text.charAt(at) < 0x80 && Character.isLetter(text.charAt(at));
	}
}
