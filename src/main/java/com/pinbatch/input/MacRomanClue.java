package com.pinbatch.input;

import static com.pinbatch.input.CodePageClues.DOS;
import static com.pinbatch.input.CodePageClues.LATIN_GUESSES;
import static com.pinbatch.input.CodePageClues.WESTERN;
import static com.pinbatch.input.CodePageClues.dosIfMoreLikely;
import static com.pinbatch.input.WordShapes.CAPITAL;
import static com.pinbatch.input.WordShapes.SMALL;
import static com.pinbatch.input.WordShapes.fitsBetween;
import static com.pinbatch.input.WordShapes.fitting;
import static com.pinbatch.input.WordShapes.insideWords;
import static com.pinbatch.input.WordShapes.readsAsText;

import java.nio.charset.Charset;

/** Whether a region the detector named a Latin code page for is Mac Roman (see {@link #likelier}). */
final class MacRomanClue {

	private MacRomanClue() {
	}

	private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

	/**
	 * A Mac's code page (Mac Roman, which Excel for Mac's plain "Comma Separated Values" writes) read as Windows-1252
	 * gives other letters, signs or bytes it has no character for: {@code Café} becomes {@code CafŽ}, {@code Año}
	 * {@code A–o}, {@code crème} {@code cr?me}; the detector tells the two apart badly, and on a short file names a
	 * Central European or Turkish code page. Mac Roman is chosen when its reading is text as people write it and the
	 * other is not, or when Windows-1252 puts capitals after small letters inside words (as no text does) where Mac
	 * Roman puts small accented letters. DOS 850 has small accented letters where Mac Roman has them too: when it
	 * also reads as text, Mac Roman must fit more places ({@code Año} against {@code Aûo}) or, as many, read more
	 * common letters ({@code små} against {@code smî}), or the DOS rule find no sign of DOS.
	 */
	static Charset likelier(byte[] region, Charset detected) {
		if (detected != null && !LATIN_GUESSES.contains(detected)) {
			return detected;
		}
		String asMac = new String(region, MAC_ROMAN);
		String asDetected = detected == null ? null : new String(region, detected);
		boolean capitalsAsWindows = WESTERN.equals(detected) && insideWords(asDetected, CAPITAL) > 0
				&& insideWords(asMac, CAPITAL) == 0 && insideWords(asMac, SMALL) > insideWords(asDetected, SMALL);
		boolean macBetter = readsAsText(asMac) && (capitalsAsWindows || asDetected == null
				|| !readsAsText(asDetected)
				|| WESTERN.equals(detected) && smallLettersFitBetterAsMac(asMac, asDetected));
		if (!macBetter) {
			return detected;
		}
		String asDos = new String(region, DOS);
		int fitsAsMac = fitting(asMac, asDos);
		boolean dosAsLikely = readsAsText(asDos)
				&& (fitsAsMac < 0 || fitsAsMac == 0 && commonness(asDos, asMac) >= commonness(asMac, asDos));
		return dosAsLikely && DOS.equals(dosIfMoreLikely(region, WESTERN)) ? detected : MAC_ROMAN;
	}

	/** Small accented letters of Western languages, the most used ({@code é}, {@code ö}, {@code å}) first. */
	private static final String COMMON_ACCENTS = "\u00e9\u00e8\u00e0\u00e7\u00f6\u00fc\u00e4\u00f1\u00e1\u00ed"
			+ "\u00f3\u00fa\u00e5\u00f8\u00e3\u00df";

	/** Less used ones ({@code ê}, {@code ë}); any other ({@code î}, {@code ì}) is rare. */
	private static final String LESS_COMMON_ACCENTS = "\u00ea\u00e2\u00f4\u00f5\u00e6\u00eb\u00ef\u00fb\u00f9";

	/**
	 * Where two readings differ, how common this one's letters are in Western text: Mac Roman and DOS 850 both read
	 * many bytes as small accented letters, and only which letters tells them apart ({@code små} against
	 * {@code smî}, {@code ideeën} against {@code ideeân}). A capital after a letter inside a word ({@code KÜk}) counts
	 * against.
	 */
	private static int commonness(String reading, String other) {
		int score = 0;
		for (int i = 0; i < reading.length(); i++) {
			char c = reading.charAt(i);
			if (c == other.charAt(i) || !Character.isLetter(c)) {
				continue;
			}
			if (Character.isUpperCase(c) && i > 0 && Character.isLetter(reading.charAt(i - 1))) {
				score -= 2;
				continue;
			}
			char small = Character.toLowerCase(c);
			score += COMMON_ACCENTS.indexOf(small) >= 0 ? 2 : LESS_COMMON_ACCENTS.indexOf(small) >= 0 ? 1 : 0;
		}
		return score;
	}

	/** Windows-1252's small letters where Mac Roman has ö, ú and û: {@code Schšne} for {@code Schöne}. */
	private static final String MAC_SMALL_AS_WESTERN = "\u0161\u0153\u017e";

	/**
	 * Both readings are text, but where Windows-1252 has {@code š œ ž} (rare in Western text, and then beside vowels:
	 * {@code Dušan}, {@code cœur}) Mac Roman's {@code ö ú û} fit more places ({@code Kšk} against {@code Kök}).
	 */
	private static boolean smallLettersFitBetterAsMac(String asMac, String asWindows) {
		int balance = 0;
		for (int i = 0; i < asWindows.length(); i++) {
			if (MAC_SMALL_AS_WESTERN.indexOf(asWindows.charAt(i)) >= 0) {
				balance += (fitsBetween(asMac, i) ? 1 : 0) - (fitsBetween(asWindows, i) ? 1 : 0);
			}
		}
		return balance > 0;
	}
}
