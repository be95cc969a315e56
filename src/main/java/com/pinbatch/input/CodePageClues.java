package com.pinbatch.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * What the text itself says of the code page the detector named for it. A single-byte code page read as another
 * gives no error, only other letters, and the detector (trained on long texts) often names Windows-1252 for a file
 * that is mostly plain ASCII. Each rule below turns such an answer into another code page only when the text is
 * clearly better read so; anything less keeps the detector's answer, but for one tie: a text that reads as well in
 * Western as in Central European letters is read as Western, the more common. CodePageSweepTests holds them to
 * two dozen languages in three shapes of file.
 */
final class CodePageClues {

	private CodePageClues() {
	}

	/** The code page to read {@code region} with, given the detector's answer (null: none). */
	static Charset likelier(byte[] region, Charset detected) {
		Charset charset = westernIfMorePlausible(region, detected == null ? westernIfLetters(region) : detected);
		charset = centralEuropeanIfMoreLikely(region, dosIfMoreLikely(region, macRomanIfMoreLikely(region, charset)));
		charset = turkishIfMoreLikely(region, nonLatinIfMoreLikely(region, charset));
		charset = hungarianIfMoreLikely(region, centralIfMorePlausible(region, charset));
		return sameAsWestern(region, euroIfMoreLikely(region, charset));
	}

	/**
	 * Turkish Windows-1254 differs from Windows-1252 in six letters only: a region with none of them (Catalan
	 * {@code Còmoda}, which the detector may take for Turkish) reads the same in both, and is named Windows-1252.
	 */
	private static Charset sameAsWestern(byte[] region, Charset charset) {
		return TURKISH.equals(charset) && new String(region, TURKISH).equals(new String(region, WESTERN)) ? WESTERN
				: charset;
	}

	private static final Charset WESTERN = Charset.forName("windows-1252");

	private static final Charset CENTRAL = Charset.forName("windows-1250");

	private static final Charset LATIN_2 = Charset.forName("ISO-8859-2");

	private static final Charset TURKISH = Charset.forName("windows-1254");

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
		if (icelandic(asWestern)) {
			return WESTERN;
		}
		return fitting(asWestern, asDetected) >= 0 && !graveInsideWord(asWestern, asDetected) ? WESTERN
				: windowsIfSame(region, detected);
	}

	/**
	 * Italian writes {@code ì} and {@code ù} at the end of a word ({@code così}, {@code più}), French {@code ù} in
	 * {@code où} alone; Czech writes {@code ě} and {@code ů}, which Windows-1252 reads so, inside words
	 * ({@code Dětský}, {@code stůl}): such a letter with a letter after it is Central European.
	 */
	private static boolean graveInsideWord(String asWestern, String asCentral) {
		for (int i = 0; i + 1 < asWestern.length(); i++) {
			char c = asWestern.charAt(i);
			if ((c == '\u00ec' || c == '\u00f9') && asCentral.charAt(i) != c && Character.isLetter(asCentral.charAt(i))
					&& Character.isLetter(asWestern.charAt(i + 1))) {
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
		return asDetected.length() == asCentral.length() && !icelandic(new String(region, WESTERN))
				&& (fitting(asDetected, asCentral) < 0 || graveInsideWord(asDetected, asCentral)) ? CENTRAL : detected;
	}

	/** Where two readings differ: how many more places fit in the first (negative: in the second). */
	private static int fitting(String first, String second) {
		int balance = 0;
		for (int i = 0; i < first.length(); i++) {
			if (first.charAt(i) != second.charAt(i)) {
				balance += (fitsBetween(first, i) ? 1 : 0) - (fitsBetween(second, i) ? 1 : 0);
			}
		}
		return balance;
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

	private static int signsInsideWords(String text) {
		int signs = 0;
		for (int i = 0; i < text.length(); i++) {
			signs += !Character.isLetter(text.charAt(i)) && text.charAt(i) > 0x7F && insideWord(text, i) ? 1 : 0;
		}
		return signs;
	}

	/** A letter that alternates with a neighbour: a vowel beside a consonant, or a consonant beside a vowel. */
	private static boolean fitsBetween(String text, int at) {
		char c = text.charAt(at);
		if (!Character.isLetter(c) || c == '\u00ba' || c == '\u00aa') {
			return false; // º and ª are letters to Unicode, but ordinal signs (1º, 2ª) in text
		}
		if ("\u0153\u0152\u00e6\u00c6".indexOf(c) >= 0) {
			return true; // œ and æ are two vowels in one letter: beside a vowel too ("œuf") in their languages
		}
		boolean vowel = isVowel(c);
		return at > 0 && Character.isLetter(text.charAt(at - 1)) && isVowel(text.charAt(at - 1)) != vowel
				|| at + 1 < text.length() && Character.isLetter(text.charAt(at + 1))
						&& isVowel(text.charAt(at + 1)) != vowel;
	}

	/** A vowel of a Latin alphabet, accents and all ({@code è}, {@code ů}, {@code ø}). */
	private static boolean isVowel(char c) {
		String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
		char letter = Character.toLowerCase(base.charAt(0));
		return "aeiouyæøœı".indexOf(letter) >= 0;
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
			if (asWestern.indexOf(c) >= 0 && (i > 0 && Character.isLetter(text.charAt(i - 1))
					|| i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)))) {
				found++;
			}
		}
		return found >= 2 ? codePage : detected;
	}

	/** Windows-1252's letters where Windows-1254 has ğ Ğ ı İ ş Ş. */
	private static final String TURKISH_AS_WESTERN = "\u00f0\u00d0\u00fd\u00dd\u00fe\u00de";

	/** Icelandic's acute vowels and ash, none of them Turkish. */
	private static final String ACUTE_OR_AE = ICELANDIC_ACUTES + "\u00e6\u00c6";

	private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

	/** What the detector names for Mac Roman text: the Windows and ISO code pages of Latin letters. */
	private static final Set<Charset> LATIN_CODE_PAGES = Set.of(WESTERN, CENTRAL, LATIN_2, TURKISH);

	/**
	 * A Mac's code page (Mac Roman, which Excel for Mac's plain "Comma Separated Values" writes) read as Windows-1252
	 * gives other letters, signs or bytes it has no character for: {@code Café} becomes {@code CafŽ}, {@code Año}
	 * {@code A–o}, {@code crème} {@code cr?me}; the detector tells the two apart badly, and on a short file names a
	 * Central European or Turkish code page. Mac Roman is chosen when its reading is text as people write it and the
	 * other is not, or when Windows-1252 puts capitals after small letters inside words (as no text does) where Mac
	 * Roman puts small accented letters. DOS 850 has small accented letters where Mac Roman has them too: when it
	 * also reads as text, Mac Roman must fit more places ({@code Año} against {@code Aûo}), or the DOS rule find no
	 * sign of DOS.
	 */
	private static Charset macRomanIfMoreLikely(byte[] region, Charset detected) {
		if (detected != null && !LATIN_CODE_PAGES.contains(detected)) {
			return detected;
		}
		String asMac = new String(region, MAC_ROMAN);
		String asDetected = detected == null ? null : new String(region, detected);
		boolean capitalsAsWindows = WESTERN.equals(detected) && insideWords(asDetected, CAPITAL) > 0
				&& insideWords(asMac, CAPITAL) == 0 && insideWords(asMac, SMALL) > insideWords(asDetected, SMALL);
		boolean macBetter = capitalsAsWindows || readsAsText(asMac) && (asDetected == null || !readsAsText(asDetected)
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

	/** Signs that stand between letters in text: an apostrophe, dashes, a middle dot (don’t, Mon–Fri, col·lecció). */
	private static final String SIGNS_IN_WORDS = "\u2019\u2013\u2014\u00b7";

	/** The sign at {@code at}, between two letters, is one text puts there. */
	private static boolean signInWord(String text, int at) {
		char c = text.charAt(at);
		return SIGNS_IN_WORDS.indexOf(c) >= 0 && !(c == '\u2013' && Character.isLowerCase(text.charAt(at - 1))
				&& Character.isLowerCase(text.charAt(at + 1)));
	}

	/**
	 * Text as people write it: a character for every byte, no sign past ASCII inside a word but those above (an en
	 * dash not between small letters: {@code Mon–Fri}, not {@code pi–ata}), none beside a word that text never puts
	 * there, no capital right after a small letter where either is past ASCII, nor one past ASCII between a capital
	 * and a small letter.
	 */
	private static boolean readsAsText(String text) {
		if (text.indexOf('\uFFFD') >= 0) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c > 0x7F && !Character.isLetter(c) && insideWord(text, i) && !signInWord(text, i)) {
				return false;
			}
			if (i > 0 && (text.charAt(i - 1) > 0x7F || c > 0x7F) && CAPITAL.test(text.charAt(i - 1), c)) {
				return false;
			}
			boolean strayBesideWord = NOT_BESIDE_LETTERS.indexOf(c) >= 0 && besideLetter(text, i);
			if (c > 0x7F && (strayBesideWord || capitalBeforeSmall(text, i))) {
				return false;
			}
		}
		return true;
	}

	/** Signs text never joins to a word: {@code Sof‡} is Mac Roman's {@code Sofá} read as Windows-1252. */
	private static final String NOT_BESIDE_LETTERS = "\u2021\u2020\u2022\u2030\u02dc";

	private static boolean besideLetter(String text, int at) {
		return at > 0 && Character.isLetter(text.charAt(at - 1))
				|| at + 1 < text.length() && Character.isLetter(text.charAt(at + 1));
	}

	/** A capital between a capital and a small letter: {@code KŸche}, Mac Roman's {@code Küche} as Windows-1252. */
	private static boolean capitalBeforeSmall(String text, int at) {
		return at > 0 && at + 1 < text.length() && Character.isUpperCase(text.charAt(at))
				&& Character.isUpperCase(text.charAt(at - 1)) && Character.isLowerCase(text.charAt(at + 1));
	}

	private static final Charset DOS = Charset.forName("IBM850");

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
	private static Charset dosIfMoreLikely(byte[] region, Charset detected) {
		if (!WESTERN.equals(detected) && !TURKISH.equals(detected)) {
			return detected; // Turkish: Windows-1252 with six other letters, which the detector names for some of it
		}
		String asWindows = new String(region, WESTERN);
		String asDos = new String(region, DOS);
		if (asWindows.length() != asDos.length() || !clean(asDos)) {
			return detected;
		}
		for (int i = 0; i < asWindows.length(); i++) {
			char w = asWindows.charAt(i);
			if (!Character.isLetter(asDos.charAt(i))) {
				continue;
			}
			boolean besideLetter = i > 0 && Character.isLetter(asWindows.charAt(i - 1))
					|| i + 1 < asWindows.length() && Character.isLetter(asWindows.charAt(i + 1));
			if (DOS_LETTERS_AS_SIGNS.indexOf(w) >= 0 && besideLetter
					|| DOS_SMALL_AS_CAPITALS.indexOf(w) >= 0 && i > 0 && Character.isLowerCase(asWindows.charAt(i - 1))
					|| DOS_LETTERS_AS_QUOTES.indexOf(w) >= 0 && insideWord(asWindows, i)) {
				return DOS;
			}
		}
		return detected;
	}

	/** Text as text is written: no sign past ASCII inside a word, no capital next to a small letter past ASCII. */
	private static boolean clean(String text) {
		if (signsInsideWords(text) > 0) {
			return false;
		}
		for (int i = 1; i < text.length(); i++) {
			char before = text.charAt(i - 1);
			char c = text.charAt(i);
			if ((before > 0x7F || c > 0x7F) && CAPITAL.test(before, c)) {
				return false; // "CafÄ", "íHola", "donÆt"
			}
		}
		return true;
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
				if (!Character.isLetter(w) && Character.isLetter(c) && insideWord(asCentral, i)) {
					// a byte Windows-1252 has no character for at all (Czech ť) says it twice
					signsForLetters += w == '\uFFFD' ? 2 : 1;
				}
			}
		}
		if (differ == 0) {
			return WESTERN;
		}
		return signsForLetters >= 2 && signsForLetters * 10 >= differ ? CENTRAL : detected;
	}

	/**
	 * Cyrillic or Greek text as Excel saves it on such a Windows (Windows-1251, Windows-1253) is often taken for
	 * Western when most of a file is plain ASCII: read as Windows-1252, {@code Кухонная полка} becomes
	 * {@code Êóõîííàÿ ïîëêà}; on a short file the detector names a Central European code page as often. Latin text
	 * has almost no word of three letters or more made of accented letters alone (Polish {@code żółć} reads
	 * {@code ¿ó³æ} in Windows-1252: not one word); such text is made of little else. So when at least two words of
	 * the Windows-1252 reading are such (or one of four letters or more: a Russian word in an English title), and
	 * they are most of its words with accented letters, the detector is asked again about those words alone, and its
	 * first answer that is not a Latin code page and reads each of them as a word of one script is chosen.
	 */
	private static Charset nonLatinIfMoreLikely(byte[] region, Charset detected) {
		if (!WESTERN.equals(detected) && !CENTRAL.equals(detected) && !LATIN_2.equals(detected)) {
			return detected;
		}
		String asWestern = new String(region, WESTERN);
		if (asWestern.length() != region.length) {
			return detected; // not one character a byte: the places would not match
		}
		List<int[]> accentedOnly = new ArrayList<>();
		int accented = 0;
		for (int start = 0, end; start < asWestern.length(); start = end + 1) {
			end = start;
			while (end < asWestern.length() && Character.isLetter(asWestern.charAt(end))) {
				end++;
			}
			String word = asWestern.substring(start, end);
			if (word.chars().anyMatch(c -> c > 0x7F)) {
				accented++;
				if (word.length() >= 3 && word.chars().allMatch(c -> c > 0x7F)) {
					accentedOnly.add(new int[] { start, end });
				}
			}
		}
		boolean oneLongWord = accentedOnly.size() == 1 && accentedOnly.get(0)[1] - accentedOnly.get(0)[0] >= 4;
		if (accentedOnly.size() < 2 && !oneLongWord || accentedOnly.size() * 2 < accented) {
			return detected;
		}
		ByteArrayOutputStream words = new ByteArrayOutputStream();
		accentedOnly.forEach(word -> {
			words.write(region, word[0], word[1] - word[0]);
			words.write(' ');
		});
		CharsetDetector detector = new CharsetDetector();
		detector.setText(words.toByteArray());
		List<Charset> candidates = new ArrayList<>();
		for (CharsetMatch match : detector.detectAll()) {
			candidates.add(TextEncoding.usable(match.getName()));
		}
		// a word or two is too little for the detector (Кухонная alone: EUC-KR); Excel's Cyrillic and Greek code
		// pages then. Each reads such words as letters of its script: the right one gives words with vowels in them
		// (Σαλόνι, not Убльнй)
		candidates.add(CYRILLIC);
		candidates.add(GREEK);
		Charset best = detected;
		double bestVowels = -1;
		for (Charset candidate : candidates) {
			if (candidate == null || isLatin(candidate)) {
				continue;
			}
			String read = new String(region, candidate);
			if (read.length() == region.length && accentedOnly.stream()
				.allMatch(word -> oneNonLatinScript(read.substring(word[0], word[1])))
					&& !(GREEK.equals(candidate) && notGreek(read, accentedOnly))) {
				double vowels = vowelShare(read, accentedOnly);
				if (vowels > bestVowels) {
					best = candidate;
					bestVowels = vowels;
				}
			}
		}
		return best;
	}

	private static final Charset CYRILLIC = Charset.forName("windows-1251");

	private static final Charset GREEK = Charset.forName("windows-1253");

	/** Russian, Ukrainian, Bulgarian and Greek vowels, small (capitals are compared as small). */
	private static final String NON_LATIN_VOWELS = "\u0430\u0435\u0451\u0438\u043e\u0443\u044b\u044d\u044e"
			+ "\u044f\u0456\u0457\u0454\u03b1\u03b5\u03b7\u03b9\u03bf\u03c5\u03c9\u03ac\u03ad\u03ae"
			+ "\u03af\u03cc\u03cd\u03ce\u03ca\u03cb\u0390\u03b0";

	/**
	 * Cyrillic text read as Greek: its commonest letter, а, becomes ΰ (and А ΐ), which Greek hardly writes, and a
	 * final sigma ς stands inside words.
	 */
	private static boolean notGreek(String read, List<int[]> words) {
		for (int[] word : words) {
			for (int i = word[0]; i < word[1]; i++) {
				char c = read.charAt(i);
				if (c == '\u03b0' || c == '\u0390' || c == '\u03c2' && i + 1 < word[1]) {
					return true;
				}
			}
		}
		return false;
	}

	/** The share of vowels among the letters of these words as read. */
	private static double vowelShare(String read, List<int[]> words) {
		int letters = 0;
		int vowels = 0;
		for (int[] word : words) {
			for (int i = word[0]; i < word[1]; i++) {
				letters++;
				vowels += NON_LATIN_VOWELS.indexOf(Character.toLowerCase(read.charAt(i))) >= 0 ? 1 : 0;
			}
		}
		return letters == 0 ? 0 : vowels / (double) letters;
	}

	/** Whether the code page's upper half holds Latin letters where the Western one has {@code à é ö}. */
	private static boolean isLatin(Charset charset) {
		return new String(new byte[] { (byte) 0xE0, (byte) 0xE9, (byte) 0xF6 }, charset).chars()
			.allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
	}

	/** Letters only, all of one script that is not Latin. */
	private static boolean oneNonLatinScript(String word) {
		Character.UnicodeScript script = null;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			Character.UnicodeScript of = Character.UnicodeScript.of(c);
			if (!Character.isLetter(c) || of == Character.UnicodeScript.LATIN || script != null && of != script) {
				return false;
			}
			script = of;
		}
		return script != null;
	}

	/** Whether letters stand on both sides of the character at {@code at}. */
	private static boolean insideWord(String text, int at) {
		return at > 0 && at + 1 < text.length() && Character.isLetter(text.charAt(at - 1))
				&& Character.isLetter(text.charAt(at + 1));
	}

	/** A capital right after a small letter ("CafŽ"). */
	private static final BiPredicate<Character, Character> CAPITAL = (before, c) -> Character.isUpperCase(c)
			&& Character.isLowerCase(before);

	/** A small letter right after a letter ("Café"). */
	private static final BiPredicate<Character, Character> SMALL = (before, c) -> Character.isLowerCase(c)
			&& Character.isLetter(before);

	/** Characters past ASCII that stand after the character before them as {@code kind} says. */
	private static int insideWords(String text, BiPredicate<Character, Character> kind) {
		int count = 0;
		for (int i = 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c > 0x7F && kind.test(text.charAt(i - 1), c)) {
				count++;
			}
		}
		return count;
	}
}
