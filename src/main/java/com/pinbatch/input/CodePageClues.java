package com.pinbatch.input;

import static com.pinbatch.input.WordShapes.besideLetter;
import static com.pinbatch.input.WordShapes.clean;
import static com.pinbatch.input.WordShapes.fitting;
import static com.pinbatch.input.WordShapes.insideWord;
import static com.pinbatch.input.WordShapes.readsAsText;
import static com.pinbatch.input.WordShapes.signsInsideWords;

import java.nio.charset.Charset;
import java.util.Set;

/**
 * What the text itself says of the code page the detector named for it. A single-byte code page read as another
 * gives no error, only other letters, and the detector (trained on long texts) often names Windows-1252 for a file
 * that is mostly plain ASCII. Each rule (below, in {@link MacRomanClue} and in {@link NonLatinClue}, with the shapes
 * of words they share in {@link WordShapes}) turns such an answer into another code page only when the text is
 * clearly better read so; anything less keeps the detector's answer, but for one tie: a text that reads as well in
 * Western as in Central European letters is read as Western, the more common. CodePageSweepTests holds them to
 * two dozen languages in three shapes of file, CodePageRandomTextsTests to random short titles.
 */
final class CodePageClues {

	private CodePageClues() {
	}

	/** The code page to read {@code region} with, given the detector's answer (null: none). */
	static Charset likelier(byte[] region, Charset detected) {
		Charset eastAsian = EastAsianClue.likelier(region, detected);
		if (eastAsian != detected) {
			return eastAsian;
		}
		Charset charset = westernIfMorePlausible(region, detected == null ? westernIfLetters(region) : detected);
		// words of accented letters alone are Cyrillic or Greek before they are Mac Roman (τραπέζι reads ÙÒ·›ÊÈ)
		charset = NonLatinClue.likelier(region, charset);
		charset = centralEuropeanIfMoreLikely(region, dosIfMoreLikely(region, MacRomanClue.likelier(region, charset)));
		charset = turkishIfMoreLikely(region, charset);
		charset = hungarianIfMoreLikely(region, centralIfMorePlausible(region, charset));
		return sameAsWestern(region, euroIfMoreLikely(region, charset));
	}

	/**
	 * A code page that reads the region exactly as Windows-1252 does (Turkish Windows-1254 for Catalan
	 * {@code Còmoda}, which has none of its six letters of its own) is named Windows-1252, the more common: the
	 * note the user reads says so.
	 */
	private static Charset sameAsWestern(byte[] region, Charset charset) {
		return charset != null && !WESTERN.equals(charset) && charset.newEncoder().maxBytesPerChar() == 1
				&& new String(region, charset).equals(new String(region, WESTERN)) ? WESTERN : charset;
	}

	static final Charset WESTERN = Charset.forName("windows-1252");

	static final Charset CENTRAL = Charset.forName("windows-1250");

	static final Charset LATIN_2 = Charset.forName("ISO-8859-2");

	static final Charset TURKISH = Charset.forName("windows-1254");

	/**
	 * What the detector names for text of another single-byte or two-byte code page when it has few words to go on:
	 * the Windows and ISO code pages of Latin letters.
	 */
	static final Set<Charset> LATIN_GUESSES = Set.of(WESTERN, CENTRAL, LATIN_2, TURKISH);

	/**
	 * A short file the detector finds no answer for ({@code Café crème} alone): Windows-1252, the most common code
	 * page, when it reads every byte past ASCII as a letter; still none otherwise.
	 */
	private static Charset westernIfLetters(byte[] region) {
		String asWestern = new String(region, WESTERN);
		return asWestern.chars().allMatch(c -> c < 0x80 || Character.isLetter(c)) ? WESTERN : null;
	}

	/**
	 * On a short file the detector often names a Central European code page (Windows-1250, ISO-8859-2) for French or
	 * Italian text: {@code Très belle pièce} then reads {@code Trčs belle pičce}. Where the two readings differ in a
	 * letter, words alternate vowels and consonants far more often in the right reading: Western {@code è} stands
	 * between consonants ({@code crème}), Czech {@code č} beside vowels ({@code počet}). Windows-1252 is chosen unless
	 * the detector's reading makes more of those places fit: a tie is no sign of a Central European text, and goes to
	 * the more common code page (Hungarian, whose own letters are vowels either way, has a rule of its own below).
	 */
	private static Charset westernIfMorePlausible(byte[] region, Charset detected) {
		if (!CENTRAL.equals(detected) && !LATIN_2.equals(detected)) {
			return detected;
		}
		String asWestern = new String(region, WESTERN);
		String asDetected = new String(region, detected);
		if (asWestern.length() != asDetected.length()) {
			return detected;
		}
		if (icelandic(asWestern) || spanishMarks(asWestern)) {
			return WESTERN;
		}
		return fitting(asWestern, asDetected) >= 0 && !graveInsideWord(asWestern, asDetected) ? WESTERN
				: windowsIfSame(region, detected);
	}

	/**
	 * Italian writes {@code ì} and {@code ù} at the end of a word ({@code così}, {@code più}), French {@code ù} in
	 * {@code où} alone; Czech writes {@code ě} and {@code ů}, which Windows-1252 reads so, inside words
	 * ({@code Dětský}, {@code stůl}) and at their end ({@code Kuchyně}): such a letter with a letter after it, or at
	 * the end of a word with letters Italian does not write ({@code k w x y}), is Central European.
	 */
	private static boolean graveInsideWord(String asWestern, String asCentral) {
		for (int i = 0; i < asWestern.length(); i++) {
			char c = asWestern.charAt(i);
			if ((c == '\u00ec' || c == '\u00f9') && asCentral.charAt(i) != c && Character.isLetter(asCentral.charAt(i))
					&& (i + 1 < asWestern.length() && Character.isLetter(asWestern.charAt(i + 1))
							|| notItalianBefore(asWestern, i))) {
				return true;
			}
		}
		return false;
	}

	/** Whether the word that ends before {@code at} has a letter Italian does not write. */
	private static boolean notItalianBefore(String text, int at) {
		for (int i = at - 1; i >= 0 && Character.isLetter(text.charAt(i)); i--) {
			if ("kwxyKWXY".indexOf(text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The other way round: a short Croatian, Slovak or Romanian text the detector names Windows-1252 (or Turkish)
	 * for ({@code čaša i šećer} read as {@code èaša i šeæer}) is read as Windows-1250 when that reading fits more
	 * places.
	 */
	private static Charset centralIfMorePlausible(byte[] region, Charset detected) {
		if (!WESTERN.equals(detected) && !TURKISH.equals(detected)) {
			return detected;
		}
		String asDetected = new String(region, detected);
		String asCentral = new String(region, CENTRAL);
		String asWestern = new String(region, WESTERN);
		return asDetected.length() == asCentral.length() && !icelandic(asWestern) && !spanishMarks(asWestern)
				&& (fitting(asDetected, asCentral) < 0 || graveInsideWord(asDetected, asCentral)) ? CENTRAL : detected;
	}

	/**
	 * Spanish opens a question or an exclamation with {@code ¿} or {@code ¡}, which Windows-1250 reads as {@code ż}
	 * and {@code ˇ} ({@code ¿Cocina nueva?} as {@code żCocina nueva?}); a short title of them fits Polish letters as
	 * well as Spanish. Such a mark at the start of a word, {@code ¿} before a capital or {@code ¡} before any letter,
	 * is Spanish: no Polish word has {@code ż} before a capital, and {@code ˇ} is an accent, not a letter.
	 */
	private static boolean spanishMarks(String asWestern) {
		for (int i = 0; i + 1 < asWestern.length(); i++) {
			char c = asWestern.charAt(i);
			char next = asWestern.charAt(i + 1);
			if ((c == '\u00bf' && Character.isUpperCase(next) || c == '\u00a1' && Character.isLetter(next))
					&& (i == 0 || !Character.isLetter(asWestern.charAt(i - 1)))) {
				return true;
			}
		}
		return false;
	}

	private static final String ICELANDIC_ACUTES = "\u00e1\u00e9\u00ed\u00f3\u00fa\u00c1\u00c9\u00cd\u00d3\u00da";

	/** Icelandic's own letters ({@code þ ð}, which Central European code pages read as {@code ţ đ}) with its acutes. */
	private static boolean icelandic(String asWestern) {
		return asWestern.chars().anyMatch(c -> "\u00fe\u00f0\u00de\u00d0".indexOf(c) >= 0)
				&& asWestern.chars().anyMatch(c -> ICELANDIC_ACUTES.indexOf(c) >= 0);
	}

	/**
	 * ICU names ISO-8859-2 for Central European text without a byte of 0x80-0x9F; Windows-1250, which Excel writes,
	 * has other letters at a few places (Polish {@code ą ś ź}). The reading with fewer signs inside words is chosen,
	 * Windows-1250 on a tie.
	 */
	private static Charset windowsIfSame(byte[] region, Charset detected) {
		if (!LATIN_2.equals(detected)) {
			return detected;
		}
		return signsInsideWords(new String(region, CENTRAL)) <= signsInsideWords(new String(region, detected))
				? CENTRAL : detected;
	}

	/**
	 * Western text saved in ISO-8859-15 (Latin-9, some Unix and older Linux programs) has its euro sign where
	 * Windows-1252 has the currency sign: {@code 12 €} reads {@code 12 ¤}, and {@code cœur} reads {@code c½ur}. It has
	 * no byte of 0x80-0x9F, where Windows-1252 keeps its own euro sign and curly quotes. So ISO-8859-15 is chosen for
	 * such a region when the Windows-1252 reading has a currency sign beside a number, or a fraction between letters.
	 */
	private static Charset euroIfMoreLikely(byte[] region, Charset detected) {
		if (!WESTERN.equals(detected)) {
			return detected;
		}
		for (byte b : region) {
			if ((b & 0xFF) >= 0x80 && (b & 0xFF) <= 0x9F) {
				return detected;
			}
		}
		String asWestern = new String(region, detected);
		for (int i = 0; i < asWestern.length(); i++) {
			char c = asWestern.charAt(i);
			boolean currency = c == '\u00a4' && (digitNear(asWestern, i - 1, -1) || digitNear(asWestern, i + 1, 1));
			boolean ligature = (c == '\u00bc' || c == '\u00bd' || c == '\u00be') && insideWord(asWestern, i);
			if (currency || ligature) {
				return Charset.forName("ISO-8859-15");
			}
		}
		return detected;
	}

	/** A digit at {@code at}, or one space further in the direction {@code step}. */
	private static boolean digitNear(String text, int at, int step) {
		if (at < 0 || at >= text.length()) {
			return false;
		}
		char c = text.charAt(at);
		int next = at + step;
		return Character.isDigit(c) || c == ' ' && next >= 0 && next < text.length()
				&& Character.isDigit(text.charAt(next));
	}

	/**
	 * Hungarian text in Windows-1250 differs from Windows-1252 in its two double-acute letters only, which
	 * Windows-1252 reads as Portuguese or French ones: {@code Árvíztűrő} becomes {@code Árvíztûrõ}. Portuguese and
	 * French text is never without its other accents ({@code ã ç à è ê â ô}), which Hungarian has not, or stands
	 * beside other languages' ({@code ø æ ß ë}). So Windows-1250 is chosen when the Windows-1252 reading has at least
	 * two of {@code õ û} in words, and none of those.
	 */
	private static Charset hungarianIfMoreLikely(byte[] region, Charset detected) {
		Charset charset = ifLettersSay(region, detected, HUNGARIAN_AS_WESTERN, NOT_HUNGARIAN, CENTRAL);
		return WESTERN.equals(charset) && portugueseNeverSo(new String(region, WESTERN)) ? CENTRAL : charset;
	}

	/**
	 * Portuguese writes {@code õ} before {@code e} alone ({@code opções}, {@code põe}); Hungarian {@code ő}, which
	 * Windows-1252 reads so, stands anywhere ({@code Fürdőszoba}, {@code ősszel}): one such is enough, unless the text
	 * has letters Hungarian has not.
	 */
	private static boolean portugueseNeverSo(String asWestern) {
		boolean found = false;
		for (int i = 0; i < asWestern.length(); i++) {
			char c = asWestern.charAt(i);
			if (NOT_HUNGARIAN.indexOf(c) >= 0) {
				return false;
			}
			if ((c == '\u00f5' || c == '\u00d5') && (i == 0 || !Character.isLetter(asWestern.charAt(i - 1))
					|| i + 1 < asWestern.length() && Character.isLetter(asWestern.charAt(i + 1))
							&& Character.toLowerCase(asWestern.charAt(i + 1)) != 'e')) {
				found = true;
			}
		}
		return found;
	}

	/** Windows-1252's letters where Windows-1250 has ő Ő ű Ű. */
	private static final String HUNGARIAN_AS_WESTERN = "\u00f5\u00d5\u00fb\u00db";

	/** Accents of the languages that write õ or û (Portuguese, French, Estonian), none of them Hungarian. */
	private static final String NOT_HUNGARIAN = "\u00e3\u00e7\u00e0\u00e8\u00ea\u00e2\u00f4\u00ee\u00e4\u00f1"
			+ "\u00c3\u00c7\u00c0\u00c8\u00ca\u00c2\u00d4\u00ce\u00c4\u00d1"
			// and what Windows-1250 reads as letters Hungarian has not (ø ř, æ ć, œ ś, å ĺ, ì ě, ò ň, ù ů, ï ď)
			// or that are none of its own (ß, ë): French û beside Danish or German words is no Hungarian ű
			+ "\u00f8\u00e6\u0153\u00e5\u00ec\u00f2\u00f9\u00ef\u00df\u00eb"
			+ "\u00d8\u00c6\u0152\u00c5\u00cc\u00d2\u00d9\u00cf\u00cb";

	/**
	 * Turkish text as Excel saves it on a Turkish Windows (Windows-1254) differs from Windows-1252 in six letters
	 * only, which Windows-1252 reads as Icelandic ones: {@code şık ığ} becomes {@code þýk ýð}. Icelandic is never
	 * without its acute vowels ({@code á é í ó ú}), which Turkish has not. So Windows-1254 is chosen when the region
	 * read as Windows-1252 has at least two of those six in words, and no acute vowel.
	 */
	private static Charset turkishIfMoreLikely(byte[] region, Charset detected) {
		return ifLettersSay(region, detected, TURKISH_AS_WESTERN, ACUTE_OR_AE, TURKISH);
	}

	/**
	 * For a code page that differs from Windows-1252 in a few letters only, which Windows-1252 reads as another
	 * language's: that code page when the Windows-1252 reading has at least two of {@code asWestern} in words and
	 * none of {@code neverWith}, the letters that other language is never without.
	 */
	private static Charset ifLettersSay(byte[] region, Charset detected, String asWestern, String neverWith,
			Charset codePage) {
		if (!WESTERN.equals(detected)) {
			return detected;
		}
		String text = new String(region, detected);
		int found = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (neverWith.indexOf(c) >= 0) {
				return detected;
			}
			if (asWestern.indexOf(c) >= 0 && besideLetter(text, i)) {
				found++;
			}
		}
		return found >= 2 ? codePage : detected;
	}

	/** Windows-1252's letters where Windows-1254 has ğ Ğ ı İ ş Ş. */
	private static final String TURKISH_AS_WESTERN = "\u00f0\u00d0\u00fd\u00dd\u00fe\u00de";

	/** Icelandic's acute vowels and ash, none of them Turkish. */
	private static final String ACUTE_OR_AE = ICELANDIC_ACUTES + "\u00e6\u00c6";

	static final Charset DOS = Charset.forName("IBM850");

	/** Windows-1252 signs that stand for DOS letters beside a letter ({@code Caf‚}, {@code K›kken}): rare in text. */
	private static final String DOS_LETTERS_AS_SIGNS = "\u201a\u2020\u2021\u02c6\u2030\u2039\u203a"
			+ "\u00a4\u00a1\u00a2\u00a3\ufffd";

	/** Windows-1252 capitals that stand for DOS small letters: {@code crŠme} for {@code crème}. */
	private static final String DOS_SMALL_AS_CAPITALS = "\u0160\u0152\u017d";

	/** Windows-1252 quotes and dots that stand for DOS letters: inside a word only ({@code sch”n}, {@code k„se}). */
	private static final String DOS_LETTERS_AS_QUOTES = "\u2018\u201c\u201d\u201e\u2026";

	/**
	 * Excel's "CSV (MS-DOS)" saves in the DOS code page (850 in Western Europe, 437 in the United States, which has
	 * the same letters for Western text). Read as Windows-1252 it gives no error for French ({@code Crème brûlée}
	 * becomes {@code CrŠme br–l‚e}), and the detector names Windows-1252. DOS 850 is chosen when the Windows-1252
	 * reading has such a sign in a word where DOS has a letter, and the DOS reading is clean: no sign inside a word, no
	 * capital next to a small letter. Windows-1252 text read as DOS is seldom clean where it has accents
	 * ({@code l'été} reads {@code lÆÚtÚ}); text with curly quotes alone is no sign either way and stays Windows-1252.
	 */
	static Charset dosIfMoreLikely(byte[] region, Charset detected) {
		if (!WESTERN.equals(detected) && !TURKISH.equals(detected)) {
			return detected; // Turkish: Windows-1252 with six other letters, which the detector names for some of it
		}
		String asWindows = new String(region, WESTERN);
		String asDos = new String(region, DOS);
		if (asWindows.length() != asDos.length() || !clean(asDos) || centralReadsBetter(region, asDos)) {
			return detected;
		}
		for (int i = 0; i < asWindows.length(); i++) {
			char w = asWindows.charAt(i);
			if (!Character.isLetter(asDos.charAt(i))) {
				continue;
			}
			if (DOS_LETTERS_AS_SIGNS.indexOf(w) >= 0 && besideLetter(asWindows, i)
					|| DOS_SMALL_AS_CAPITALS.indexOf(w) >= 0 && i > 0 && Character.isLowerCase(asWindows.charAt(i - 1))
					|| DOS_LETTERS_AS_QUOTES.indexOf(w) >= 0 && insideWord(asWindows, i)) {
				return DOS;
			}
		}
		return detected;
	}

	/**
	 * Whether Windows-1250 reads the region as text and fits more places than {@code other}, DOS 850's reading, which
	 * has small letters where Windows-1250 has Polish capitals ({@code úazienka} for {@code Łazienka}): the DOS rule
	 * then leaves the region to the Central European one.
	 */
	private static boolean centralReadsBetter(byte[] region, String other) {
		String asCentral = new String(region, CENTRAL);
		return asCentral.length() == other.length() && readsAsText(asCentral) && fitting(asCentral, other) > 0;
	}

	/**
	 * Central European text (Polish, Czech ... as Excel saves it on such a Windows, in Windows-1250) read as
	 * Windows-1252 gives no error either: {@code Łódź, Wrocław, żółć} becomes {@code £ódŸ, Wroc³aw, ¿ó³æ}. The
	 * detector often names Windows-1252 for it. Where the two code pages read the region differently, Windows-1252
	 * then puts signs between letters ({@code Wroc³aw}) where Windows-1250 has letters; Western text read either way
	 * differs in letters ({@code è} or {@code č}), or in a sign after a word ({@code m³}). So Windows-1250 is chosen
	 * when at least two such places, and a tenth of all the places the two differ, say so. Both readings the same
	 * (only curly quotes and dashes, say): Windows-1252, the more common, is named.
	 */
	private static Charset centralEuropeanIfMoreLikely(byte[] region, Charset detected) {
		if (!WESTERN.equals(detected) && !CENTRAL.equals(detected)) {
			return detected;
		}
		String asWestern = new String(region, WESTERN);
		String asCentral = new String(region, CENTRAL);
		if (asWestern.length() != asCentral.length()) {
			return detected; // a byte one of them does not map: leave it to the detector
		}
		int differ = 0;
		int signsForLetters = 0;
		for (int i = 0; i < asWestern.length(); i++) {
			char w = asWestern.charAt(i);
			char c = asCentral.charAt(i);
			if (w != c) {
				differ++;
				// a Polish capital that Windows-1252 reads as a sign no text puts before a word (£azienka for Łazienka)
				boolean polishCapital = POLISH_CAPITALS_AS_SIGNS.indexOf(w) >= 0 && i + 1 < asWestern.length()
						&& Character.isLowerCase(asWestern.charAt(i + 1))
						&& (i == 0 || !Character.isLetter(asWestern.charAt(i - 1)));
				if (!Character.isLetter(w) && Character.isLetter(c) && (insideWord(asCentral, i) || polishCapital)) {
					// a byte Windows-1252 has no character for at all (Czech ť) says it twice, and so does such a sign
					signsForLetters += w == '\uFFFD' || polishCapital ? 2 : 1;
				}
			}
		}
		if (differ == 0) {
			return WESTERN;
		}
		return signsForLetters >= 2 && signsForLetters * 10 >= differ ? CENTRAL : detected;
	}

	/** Windows-1252's signs where Windows-1250 has Ł, Ą and Ż. */
	private static final String POLISH_CAPITALS_AS_SIGNS = "\u00a3\u00a5\u00af";
}
