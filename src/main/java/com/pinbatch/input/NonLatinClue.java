package com.pinbatch.input;

import static com.pinbatch.input.CodePageClues.CENTRAL;
import static com.pinbatch.input.CodePageClues.LATIN_2;
import static com.pinbatch.input.CodePageClues.WESTERN;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/** Whether a region the detector named a Latin code page for is Cyrillic or Greek (see {@link #likelier}). */
final class NonLatinClue {

	private NonLatinClue() {
	}

	/**
	 * Cyrillic or Greek text as Excel saves it on such a Windows (Windows-1251, Windows-1253) is often taken for
	 * Western when most of a file is plain ASCII: read as Windows-1252, {@code Кухонная полка} becomes
	 * {@code Êóõîííàÿ ïîëêà}; on a short file the detector names a Central European code page as often. Latin text
	 * has almost no word of three letters or more made of accented letters alone (Polish {@code żółć} reads
	 * {@code ¿ó³æ} in Windows-1252: not one word); such text is made of little else. So when at least two words of
	 * the Windows-1252 reading are such (or one of four letters or more: a Russian word in an English title), and
	 * they are most of its words with accented letters, the detector is asked again about those words alone. Of its
	 * answers that are not a Latin code page, and Windows-1251 and -1253, those that read each word as letters of one
	 * script (Greek only where the words look Greek) are candidates, and the one whose words have the most vowels is
	 * chosen.
	 */
	static Charset likelier(byte[] region, Charset detected) {
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
		// a word or two is too little for the detector (Кухонная alone: EUC-KR): Excel's Cyrillic and Greek code
		// pages too. Each reads such words as letters of its script; the right one gives words with vowels in them
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
}
