package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * Decides how to read a would-be CSV file as text, the way spreadsheet programs save it: UTF-8 with or without a
 * byte order mark and UTF-16 with one (Excel's "Unicode Text") are read as they are; any other file is given to
 * ICU's charset detector (Excel's "CSV (Comma delimited)" is Windows-1252, Mac programs write Mac Roman), and the
 * guess is reported with a sample of the text it gives, so a wrong guess shows. Binary files are refused.
 */
final class TextEncoding {

	/** Control bytes beside NUL bytes that a damaged text file may hold whatever its length (see strayNulsInText). */
	private static final int STRAY_CONTROLS = 3;

	/** How many leading bytes to look at for NUL bytes. */
	static final int HEAD_SIZE = 8192;

	/** How much of a file that is not UTF-8, from the line of its first such byte on, the detector reads. */
	private static final int DETECTION_SIZE = 64 * 1024;

	private static final int SAMPLE_CHARS = 40;

	private static final int SAMPLE_WORDS = 3;

	private static final String SAVE_AS_UTF8 = "save it as 'CSV UTF-8' in your spreadsheet program";

	/**
	 * How to read the file.
	 *
	 * @param bomLength bytes of byte order mark to skip
	 * @param note      the assumption made, in one line for the user; null when the file said its encoding itself
	 * @param unicode   whether the file shows that it was saved in Unicode (a byte order mark, UTF-16, or letters
	 *                  beyond ASCII in UTF-8), not in a code page, which writes ? for the letters it lacks
	 */
	record Choice(Charset charset, int bomLength, String note, boolean unicode) {
	}

	private TextEncoding() {
	}

	/**
	 * @param head     the first bytes of the file (up to {@link #HEAD_SIZE} are examined for NUL bytes)
	 * @param override the encoding the user named (--encoding), or null
	 * @throws InputFileException if the file is binary or no encoding explains it
	 */
	static Choice choose(Path file, byte[] head, String override) {
		Charset marked = byteOrderMark(head);
		if (override != null) {
			Charset charset = forName(file, override);
			// Java's "UTF-16" decoder reads the mark itself; a mark of the encoding named is skipped, any other kept
			boolean skip = marked != null && marked.equals(charset);
			if (marked != null && !charset.name().startsWith("UTF")) {
				// Excel's "CSV UTF-8" always starts so: read in a code page, its mark became the first header's "ï»¿"
				throw new InputFileException(file + ": starts with a " + marked.name() + " byte order mark, so it is "
						+ marked.name() + " text, which --encoding=" + override + " would read otherwise: leave"
						+ " --encoding out (the mark says how to read it)");
			}
			if (marked == null && !charset.name().startsWith("UTF")) {
				refuseUtf8ReadOtherwise(file, head, override, charset);
			}
			String shown = sample(new String(head, charset), false);
			return new Choice(charset, skip ? markLength(marked) : 0, shown.isEmpty() ? null
					: file + " read as " + charset.name() + " (--encoding)" + shown,
					marked != null || charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32"));
		}
		if (marked != null) {
			return new Choice(marked, markLength(marked), null, true);
		}
		Charset unmarkedUtf16 = utf16WithoutBom(head);
		if (unmarkedUtf16 != null) {
			return new Choice(unmarkedUtf16, 0, file + " has no byte order mark but is " + unmarkedUtf16.name()
					+ " text; read as " + unmarkedUtf16.name() + sample(new String(head, unmarkedUtf16), true), true);
		}
		if (containsNul(head) && !strayNulsInText(head)) {
			// Excel's "Unicode Text" is UTF-16 with a mark; without one, only the user can say which it is
			throw new InputFileException(file + ": is not a CSV or XLSX file (if it is text saved as UTF-16 without a"
					+ " byte order mark, give --encoding=UTF-16LE, or UTF-16BE)");
		}
		Utf8Scan scan = Utf8Scan.of(file);
		if (scan.valid() || scan.multibyteBefore()) {
			// a file that is UTF-8 up to one bad byte is damaged UTF-8: the reader names the row that holds it
			return new Choice(StandardCharsets.UTF_8, 0, null, scan.multibyteBefore());
		}
		return detect(file, scan.firstBad());
	}

	/**
	 * A file of UTF-8 text with letters outside ASCII is not in the code page an --encoding names (one kept in a
	 * nightly command after a colleague's file): read so, "Crème" became "CrÃ¨me" in every pin, unsaid.
	 */
	private static void refuseUtf8ReadOtherwise(Path file, byte[] head, String override, Charset charset) {
		Utf8Scan scan = Utf8Scan.of(file);
		if (scan.valid() && scan.multibyteBefore()) {
			throw new InputFileException(file + ": is UTF-8 text" + sample(new String(head, StandardCharsets.UTF_8),
					false) + ", which --encoding=" + override + " would read otherwise" + sample(new String(head,
							charset), false) + ": leave --encoding out (UTF-8 is read as it is)");
		}
	}

	static String notUtf8(Path file, long rowNumber) {
		return file + ": is not UTF-8 text (row " + rowNumber
				+ " holds bytes that are not UTF-8, e.g. from a Windows or Mac code page); " + SAVE_AS_UTF8;
	}

	/** When text read in the encoding chosen meets a byte that is not text in it. */
	static String notText(Path file, long rowNumber, Charset charset) {
		if (charset.equals(StandardCharsets.UTF_8)) {
			return notUtf8(file, rowNumber);
		}
		return file + ": row " + rowNumber + " holds bytes that are not " + charset.name()
				+ " text; give the file's encoding with --encoding=NAME, or " + SAVE_AS_UTF8;
	}

	private static Choice detect(Path file, long firstBad) {
		byte[] region = region(file, firstBad);
		CharsetDetector detector = new CharsetDetector();
		detector.setText(region);
		Charset charset = null;
		for (CharsetMatch match : detector.detectAll()) {
			charset = usable(match.getName());
			// a multi-byte guess that cannot read the region is no answer (a Russian word alone: EUC-JP, says the
			// detector); a single-byte one is left to the code-page rules, which read its gaps as clues
			if (charset != null
					&& (charset.newEncoder().maxBytesPerChar() == 1 || decodedOrNull(region, charset) != null)) {
				break;
			}
			charset = null;
		}
		charset = CodePageClues.likelier(region, charset);
		if (charset == null) {
			throw new InputFileException(file + ": is not UTF-8 text and its encoding could not be recognised; give"
					+ " it with --encoding=NAME (e.g. --encoding=windows-1252), or " + SAVE_AS_UTF8);
		}
		String text = new String(region, charset);
		if (hasControlCharacters(text)) {
			throw new InputFileException(file + ": is not a CSV or XLSX file");
		}
		return new Choice(charset, 0, file + " is not UTF-8; read as " + charset.name() + sample(text, false)
				+ "; if that looks wrong, give --encoding=NAME", false);
	}

	/**
	 * The detector's answer as a charset to read with, or null for one a file without NUL bytes cannot be.
	 * ICU names ISO-8859-1 whenever no byte of 0x80-0x9F occurs; Windows-1252 reads every such file the same and
	 * also the curly quotes and euro signs Excel writes (the WHATWG encoding standard reads that label so too).
	 */
	static Charset usable(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (upper.startsWith("UTF-16") || upper.startsWith("UTF-32") || upper.equals("UTF-8")) {
			return null;
		}
		if (upper.equals("ISO-8859-1")) {
			return Charset.forName("windows-1252");
		}
		if (upper.equals("ISO-8859-9")) {
			return Charset.forName("windows-1254"); // Turkish: as ISO-8859-1 is to Windows-1252
		}
		if (upper.equals("SHIFT_JIS") || upper.equals("EUC-KR") || upper.equals("BIG5")) {
			// what Excel writes on a Japanese, Korean or Taiwanese Windows: the same, and signs such as ① besides
			return Charset.forName(upper.equals("SHIFT_JIS") ? "windows-31j" : upper.equals("EUC-KR")
					? "x-windows-949" : "x-windows-950");
		}
		if (upper.equals("ISO-8859-7")) {
			return Charset.forName("windows-1253"); // the same for Greek, but the capital Ά where Excel writes it
		}
		try {
			return Charset.forName(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The region read in {@code charset}, or null where a byte is no character in it (but one cut off at its end). */
	static String decodedOrNull(byte[] region, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer chars = CharBuffer.allocate(region.length + 1);
		if (decoder.decode(ByteBuffer.wrap(region), chars, false).isError()) {
			return null;
		}
		return chars.flip().toString();
	}

	/** The bytes from the start of the line that holds the first non-UTF-8 byte on. */
	private static byte[] region(Path file, long firstBad) {
		long start = Math.max(0, firstBad - 4096);
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(start);
			byte[] bytes = in.readNBytes(DETECTION_SIZE);
			int bad = (int) (firstBad - start);
			int lineStart = bad;
			while (lineStart > 0 && bytes[lineStart - 1] != '\n' && bytes[lineStart - 1] != '\r') {
				lineStart--;
			}
			return java.util.Arrays.copyOfRange(bytes, lineStart, bytes.length);
		}
		catch (IOException ex) {
			throw new InputFileException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	/**
	 * {@code (sample: "Café", "crème", "Küche")}: the first words (up to three, each once) with a character outside
	 * ASCII, as the encoding chosen reads them: one word alone may read the same in the code page meant.
	 */
	private static String sample(String text, boolean anyWord) {
		Set<String> words = new LinkedHashSet<>();
		int at = 0;
		while (words.size() < SAMPLE_WORDS) {
			while (at < text.length() && text.charAt(at) < 0x80) {
				at++;
			}
			if (at == text.length()) {
				break;
			}
			int start = at;
			while (start > 0 && !endsWord(text.charAt(start - 1)) && at - start < SAMPLE_CHARS / 2) {
				start--;
			}
			int end = at;
			while (end < text.length() && !endsWord(text.charAt(end)) && end - start < SAMPLE_CHARS) {
				end++;
			}
			words.add(text.substring(start, Math.max(end, at + 1)));
			at = Math.max(end, at + 1);
		}
		if (words.isEmpty() && anyWord) {
			int end = 0;
			while (end < text.length() && !endsWord(text.charAt(end)) && end < SAMPLE_CHARS) {
				end++;
			}
			words.add(text.substring(0, end));
		}
		return words.isEmpty() ? ""
				: " (sample: " + words.stream().map(word -> "\"" + word + "\"").collect(Collectors.joining(", ")) + ")";
	}

	private static boolean endsWord(char c) {
		return Character.isWhitespace(c) || c == ',' || c == ';' || c == '"' || Character.isISOControl(c);
	}

	private static boolean hasControlCharacters(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\0') { // a NUL: see strayNulsInText
				return true;
			}
		}
		return false;
	}

	private static Charset forName(Path file, String name) {
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new InputFileException(file + ": --encoding=" + name + " is not an encoding Java knows; use e.g."
					+ " windows-1252, ISO-8859-15, x-MacRoman, UTF-16LE");
		}
	}

	/** The encoding a byte order mark at the start names, or null. */
	static Charset byteOrderMark(byte[] head) {
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return StandardCharsets.UTF_8;
		}
		if (startsWith(head, 0xFF, 0xFE)) {
			return StandardCharsets.UTF_16LE;
		}
		return startsWith(head, 0xFE, 0xFF) ? StandardCharsets.UTF_16BE : null;
	}

	static int markLength(Charset marked) {
		return marked.equals(StandardCharsets.UTF_8) ? 3 : 2;
	}

	/** UTF-16 text that is mostly ASCII has a NUL in every other byte: at even indexes (BE) or odd (LE). */
	private static Charset utf16WithoutBom(byte[] head) {
		int pairs = Math.min(head.length, HEAD_SIZE) / 2;
		if (pairs < 2) {
			return null;
		}
		int evenNuls = 0;
		int oddNuls = 0;
		for (int i = 0; i < pairs * 2; i += 2) {
			evenNuls += head[i] == 0 ? 1 : 0;
			oddNuls += head[i + 1] == 0 ? 1 : 0;
		}
		if (evenNuls == pairs && oddNuls == 0) {
			return StandardCharsets.UTF_16BE;
		}
		return oddNuls == pairs && evenNuls == 0 ? StandardCharsets.UTF_16LE : null;
	}

	/**
	 * A few NUL bytes in what is otherwise text (a damaged export, a cell pasted from a program's memory) are no sign
	 * of another encoding or a binary file: they are read as the control characters they are, which the cells lose
	 * before anything is checked or sent, and a note names the first. UTF-16 or UTF-32 text has a NUL in every other
	 * byte or more: at most one byte in ten is a NUL here, so a short file with one stray NUL (one byte in sixty) is
	 * text too. Binary files hold other control bytes too, plenty of them (compressed data: one byte in eight); the
	 * same damage leaves a few beside the NUL (a form feed, a 0x01), which were enough to refuse the file.
	 */
	private static boolean strayNulsInText(byte[] head) {
		int end = Math.min(head.length, HEAD_SIZE);
		int nuls = 0;
		int otherControls = 0;
		for (int i = 0; i < end; i++) {
			int b = head[i] & 0xFF;
			if (b == 0) {
				nuls++;
			}
			else if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
				otherControls++;
			}
		}
		return nuls * 10 <= end && (otherControls <= STRAY_CONTROLS || otherControls * 100 <= end);
	}

	private static boolean containsNul(byte[] head) {
		int end = Math.min(head.length, HEAD_SIZE);
		for (int i = 0; i < end; i++) {
			if (head[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] data, int... prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((data[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One pass of the JDK's UTF-8 decoder over the whole file: a file that is UTF-8 on its first page but was
	 * saved in a code page further down (a row pasted in later) is still told apart.
	 *
	 * @param firstBad        offset of the first byte that is not UTF-8, or -1
	 * @param multibyteBefore whether UTF-8 letters outside ASCII come before that byte
	 */
	private record Utf8Scan(long firstBad, boolean multibyteBefore) {

		boolean valid() {
			return firstBad < 0;
		}

		static Utf8Scan of(Path file) {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			long consumed = 0;
			boolean multibyte = false;
			try (InputStream in = Files.newInputStream(file)) {
				boolean end = false;
				while (!end) {
					int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
					end = count < 0;
					bytes.position(bytes.position() + Math.max(count, 0));
					bytes.flip();
					int before = bytes.position();
					CoderResult result = decoder.decode(bytes, chars, end);
					multibyte |= hasHighByte(bytes.array(), before, bytes.position());
					if (result.isError()) {
						return new Utf8Scan(consumed + bytes.position(), multibyte);
					}
					consumed += bytes.position() - before;
					chars.clear();
					bytes.compact();
				}
				return new Utf8Scan(-1, multibyte);
			}
			catch (IOException ex) {
				throw new InputFileException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
			}
		}

		private static boolean hasHighByte(byte[] data, int from, int to) {
			for (int i = from; i < to; i++) {
				if (data[i] < 0) {
					return true;
				}
			}
			return false;
		}
	}
}
