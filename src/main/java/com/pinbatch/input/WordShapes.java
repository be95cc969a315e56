package com.pinbatch.input;

import java.text.Normalizer;
import java.util.function.BiPredicate;

/**
 * How a reading of a code page looks as text, shared by the code-page rules: where letters stand (a vowel beside a
 * consonant), signs inside words, capitals after small letters.
 */
final class WordShapes {

	private WordShapes() {
	}

	/** Where two readings differ: how many more places fit in the first (negative: in the second). */
	static int fitting(String first, String second) {
		int balance = 0;
		for (int i = 0; i < first.length(); i++) {
			if (first.charAt(i) != second.charAt(i)) {
				balance += (fitsBetween(first, i) ? 1 : 0) - (fitsBetween(second, i) ? 1 : 0);
			}
		}
		return balance;
	}

	static int signsInsideWords(String text) {
		int signs = 0;
		for (int i = 0; i < text.length(); i++) {
			signs += !Character.isLetter(text.charAt(i)) && text.charAt(i) > 0x7F && insideWord(text, i) ? 1 : 0;
		}
		return signs;
	}

	/** A letter that alternates with a neighbour: a vowel beside a consonant, or a consonant beside a vowel. */
	static boolean fitsBetween(String text, int at) {
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
	static boolean isVowel(char c) {
		String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
		char letter = Character.toLowerCase(base.charAt(0));
		return "aeiouyæøœı".indexOf(letter) >= 0;
	}

	/** Signs that stand between letters in text: an apostrophe, dashes, a middle dot (don’t, Mon–Fri, col·lecció). */
	static final String SIGNS_IN_WORDS = "\u2019\u2013\u2014\u00b7";

	/**
	 * The sign at {@code at}, between two letters, is one text puts there: not an en dash between small letters
	 * ({@code pi–ata}), nor an em dash between a word and its last letter ({@code Sal—n}, Mac Roman's
	 * {@code Salón}) but for English {@code —a} and {@code —I}.
	 */
	static boolean signInWord(String text, int at) {
		char c = text.charAt(at);
		boolean smallBoth = Character.isLowerCase(text.charAt(at - 1)) && Character.isLowerCase(text.charAt(at + 1));
		boolean lastLetterAfter = at + 2 >= text.length() || !Character.isLetter(text.charAt(at + 2));
		boolean wordBefore = at >= 2 && Character.isLetter(text.charAt(at - 2));
		return SIGNS_IN_WORDS.indexOf(c) >= 0 && !(c == '\u2013' && smallBoth) && !(c == '\u2014' && smallBoth
				&& wordBefore && lastLetterAfter && "aI".indexOf(text.charAt(at + 1)) < 0);
	}

	/**
	 * Text as people write it: a character for every byte, no sign past ASCII inside a word but those above (an en
	 * dash not between small letters: {@code Mon–Fri}, not {@code pi–ata}), none beside a word that text never puts
	 * there, no capital right after a small letter where either is past ASCII, nor one past ASCII between a capital
	 * and a small letter.
	 */
	static boolean readsAsText(String text) {
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

	/**
	 * Signs text never joins to a word: {@code Sof‡} is Mac Roman's {@code Sofá} read as Windows-1252, {@code £Ûøko}
	 * Windows-1250's {@code Łóżko} read as Mac Roman.
	 */
	static final String NOT_BESIDE_LETTERS = "\u2021\u2020\u2022\u2030\u02dc\u00a3\u00a5\u00a4\u00a7\u00b6\u00af";

	static boolean besideLetter(String text, int at) {
		return at > 0 && Character.isLetter(text.charAt(at - 1))
				|| at + 1 < text.length() && Character.isLetter(text.charAt(at + 1));
	}

	/** A capital between a capital and a small letter: {@code KŸche}, Mac Roman's {@code Küche} as Windows-1252. */
	static boolean capitalBeforeSmall(String text, int at) {
		return at > 0 && at + 1 < text.length() && Character.isUpperCase(text.charAt(at))
				&& Character.isUpperCase(text.charAt(at - 1)) && Character.isLowerCase(text.charAt(at + 1));
	}

	/** Text as text is written: no sign past ASCII inside a word, no capital next to a small letter past ASCII. */
	static boolean clean(String text) {
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

	/** Whether letters stand on both sides of the character at {@code at}. */
	static boolean insideWord(String text, int at) {
		return at > 0 && at + 1 < text.length() && Character.isLetter(text.charAt(at - 1))
				&& Character.isLetter(text.charAt(at + 1));
	}

	/** A capital right after a small letter ("CafŽ"). */
	static final BiPredicate<Character, Character> CAPITAL = (before, c) -> Character.isUpperCase(c)
			&& Character.isLowerCase(before);

	/** A small letter right after a letter ("Café"). */
	static final BiPredicate<Character, Character> SMALL = (before, c) -> Character.isLowerCase(c)
			&& Character.isLetter(before);

	/** Characters past ASCII that stand after the character before them as {@code kind} says. */
	static int insideWords(String text, BiPredicate<Character, Character> kind) {
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
