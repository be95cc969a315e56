package com.pinbatch.input;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRowSourceTests {

	@TempDir
	Path dir;

	@Test
	void readsCommaSeparatedFileWithLfLineEnds() throws IOException {
		Path file = write("title,board\nFirst,Recipes\nSecond,Travel\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "board");
			InputRow first = source.next();
			assertThat(first.rowNumber()).isEqualTo(2);
			assertThat(first.values()).containsExactly("First", "Recipes");
			assertThat(first.headers()).containsExactly("title", "board");
			assertThat(first.numericCells()).isEmpty();
			assertThat(first.prior()).isNull();
			InputRow second = source.next();
			assertThat(second.rowNumber()).isEqualTo(3);
			assertThat(second.values()).containsExactly("Second", "Travel");
			assertThat(source.next()).isNull();
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void rowsThatEndBeforeTheLastColumnAreReadEmptyThereAndNamed() throws IOException {
		// a description with a line break left unquoted: its row split in two, the first half without link or date
		Path file = write("title,description,link,publish_at\n"
				+ "One,Shelf,https://shop.example/1,2027-03-01 10:00\n"
				+ "Two,Shelf and\n"
				+ "lamp,https://shop.example/2,2027-03-01 11:00\n"
				+ "Three,Lamp,https://shop.example/3\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			List<List<String>> rows = new ArrayList<>();
			for (InputRow row = source.next(); row != null; row = source.next()) {
				rows.add(row.values());
			}

			assertThat(rows.get(1)).containsExactly("Two", "Shelf and", "", "");
			// before: nothing said, and row 3 was sent at once without its link
			assertThat(source.findings()).containsExactly(file + ": 3 rows have fewer cells than the header's 4"
					+ " (row 3: 2 cells, row 4: 3 cells, row 5: 3 cells): the cells missing are read as empty; if a"
					+ " cell holding a line break split a row, put quotes around that cell");
		}
	}

	@Test
	void titleAndBlankRowsAboveTheHeaderArePassedOverAndRowNumbersStayTheSpreadsheets() throws IOException {
		Path file = write("Pinterest plan \u2013 May 2027;;\r\n;;\r\ntitle;board;notes\r\nFirst;Recipes;x\r\n");
		HeaderRecognizer knowsTitleAndBoard = cells -> cells.contains("title") && cells.contains("board");

		try (CsvRowSource source = CsvRowSource.open(file, new InputOptions(null, null, null, knowsTitleAndBoard))) {
			assertThat(source.headers()).containsExactly("title", "board", "notes");
			InputRow first = source.next();
			assertThat(first.rowNumber()).isEqualTo(4);
			assertThat(first.values()).containsExactly("First", "Recipes", "x");
			assertThat(source.notes()).containsExactly(file + ": the headers are on row 3; the row above"
					+ " ('Pinterest plan \u2013 May 2027') is not read");
		}
	}

	@Test
	void withoutAKnownHeaderTheFirstRowIsTheHeaderAndTheRowsReadWhileLookingAreData() throws IOException {
		Path file = write("a,b\n1,2\n\n3,4\n");

		try (CsvRowSource source = CsvRowSource.open(file, new InputOptions(null, null, null, cells -> false))) {
			assertThat(source.headers()).containsExactly("a", "b");
			assertThat(source.next().rowNumber()).isEqualTo(2);
			assertThat(source.next().rowNumber()).isEqualTo(4);
			assertThat(source.next()).isNull();
			assertThat(source.notes()).isEmpty();
		}
	}

	@Test
	void readsCrlfLineEnds() throws IOException {
		Path file = write("title,board\r\nFirst,Recipes\r\nSecond,Travel\r\n");

		assertThat(values(file)).containsExactly(List.of("First", "Recipes"), List.of("Second", "Travel"));
	}

	@Test
	void stripsUtf8ByteOrderMarkFromFirstHeader() throws IOException {
		Path file = dir.resolve("bom.csv");
		Files.write(file, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"title,board\nCafé ☕,Recettes\n".getBytes(StandardCharsets.UTF_8)));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "board");
			assertThat(source.next().values()).containsExactly("Café ☕", "Recettes");
		}
	}

	@Test
	void aFileShowsItWasSavedInUnicodeByItsMarkOrItsLettersBeyondAscii() throws IOException {
		// a code page writes ? for what it lacks: only these files' ? are known to be typed so
		Files.write(dir.resolve("marked.csv"), concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"title\nTu viens ? on y va\n".getBytes(StandardCharsets.UTF_8)));
		Files.writeString(dir.resolve("utf8.csv"), "title\nTu viens ? on y va, café\n", StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("utf16.csv"), "\uFEFFtitle\nTu viens ? on y va\n", StandardCharsets.UTF_16LE);
		Files.writeString(dir.resolve("ascii.csv"), "title\nMorning coffee ? vibes\n", StandardCharsets.US_ASCII);
		Files.writeString(dir.resolve("cp1252.csv"), "title\nCafé ? vibes\n", Charset.forName("windows-1252"));

		assertThat(List.of("marked.csv", "utf8.csv", "utf16.csv", "ascii.csv", "cp1252.csv")).map(name -> {
			try (CsvRowSource source = CsvRowSource.open(dir.resolve(name))) {
				return name + " " + source.savedAsUnicode();
			}
		}).containsExactly("marked.csv true", "utf8.csv true", "utf16.csv true", "ascii.csv false",
				"cp1252.csv false");
	}

	@Test
	void readsFileWithoutByteOrderMark() throws IOException {
		Path file = write("title\nŻółw 🐢\n");

		assertThat(values(file)).containsExactly(List.of("Żółw 🐢"));
	}

	@Test
	void sniffsSemicolonDelimiter() throws IOException {
		Path file = write("title;description;link\nA, b and c;Price 1,50;https://x.test\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "description", "link");
			assertThat(source.next().values()).containsExactly("A, b and c", "Price 1,50", "https://x.test");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "sep=;\r\ntitle;board\r\nA, b and c|x;Kitchen\r\n",
			"SEP=|\ntitle|board\nA, b and c;x|Kitchen\n" })
	void excelsSeparatorLineNamesTheDelimiterAndIsPassedOverUnsaid(String csv) throws IOException {
		Path file = write(csv);
		HeaderRecognizer knowsTitleAndBoard = cells -> cells.contains("title") && cells.contains("board");

		try (CsvRowSource source = CsvRowSource.open(file, new InputOptions(null, null, null, knowsTitleAndBoard))) {
			assertThat(source.headers()).containsExactly("title", "board");
			InputRow first = source.next();
			// numbered as Excel shows the file, which hides the line: the header is row 1 (before: 3, a row off)
			assertThat(first.rowNumber()).isEqualTo(2);
			assertThat(source.separatorLineHidden()).isTrue();
			assertThat(first.values()).containsExactly(csv.startsWith("sep") ? "A, b and c|x" : "A, b and c;x",
					"Kitchen");
			assertThat(source.notes()).isEmpty();
		}
	}

	@Test
	void sniffsTabDelimiter() throws IOException {
		Path file = write("title\tdescription\nA, b; c\tsecond\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "description");
			assertThat(source.next().values()).containsExactly("A, b; c", "second");
		}
	}

	@Test
	void delimitersInsideQuotedHeadersDoNotCount() throws IOException {
		Path file = write("\"a,b,c\";\"d,e\";f\n1;2;3\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("a,b,c", "d,e", "f");
			assertThat(source.next().values()).containsExactly("1", "2", "3");
		}
	}

	@Test
	void singleColumnFileUsesComma() throws IOException {
		Path file = write("title\nHello; world\n");

		assertThat(values(file)).containsExactly(List.of("Hello; world"));
	}

	@Test
	void readsQuotedCellsWithDelimitersQuotesAndLineBreaks() throws IOException {
		Path file = write("title,description,link\r\n"
				+ "\"Salt, pepper\",\"She said \"\"hi\"\"\",https://a.test\r\n"
				+ "Multi,\"line one\r\nline two\nline three\",https://b.test\r\n"
				+ "After,multi-line,https://c.test\r\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			InputRow quoted = source.next();
			assertThat(quoted.rowNumber()).isEqualTo(2);
			assertThat(quoted.values()).containsExactly("Salt, pepper", "She said \"hi\"", "https://a.test");
			InputRow multiLine = source.next();
			assertThat(multiLine.rowNumber()).isEqualTo(3);
			assertThat(multiLine.values()).containsExactly("Multi", "line one\r\nline two\nline three",
					"https://b.test");
			InputRow after = source.next();
			assertThat(after.rowNumber()).as("a cell with line breaks is still one row").isEqualTo(4);
			assertThat(after.values()).containsExactly("After", "multi-line", "https://c.test");
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void trimsHeadersButNotCells() throws IOException {
		Path file = write(" title , board\n  padded  , b \n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "board");
			assertThat(source.next().values()).containsExactly("  padded  ", " b ");
		}
	}

	@Test
	void keepsDuplicateAndEmptyHeaderNames() throws IOException {
		Path file = write("title,,title,notes\na,b,c,d\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "", "title", "notes");
			assertThat(source.next().values()).containsExactly("a", "b", "c", "d");
		}
	}

	@Test
	void skipsBlankRowsButCountsThem() throws IOException {
		Path file = write("title,board\n\nFirst,b\n,\n  ,  \nSecond,b\n\n\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().rowNumber()).isEqualTo(3);
			assertThat(source.next().rowNumber()).isEqualTo(6);
			assertThat(source.next()).as("trailing blank lines are no rows").isNull();
		}
	}

	@Test
	void anEmptyRowWrittenWithAnotherSeparatorIsBlankToo() throws IOException {
		// a comma file with a line of an empty row a semicolon export left (before: a pin titled ';;;;', INVALID)
		Path file = write("title,board\nFirst,b\n;;;;\n ; ;,\t|\nSecond,b\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().rowNumber()).isEqualTo(2);
			assertThat(source.next().rowNumber()).isEqualTo(5);
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void aRowOfNoBreakOrZeroWidthSpacesIsBlankToo() throws IOException {
		// what a styled empty row or a web page's copy leaves (before: read as a row, INVALID for its missing media)
		Path file = write("title,board\nFirst,b\n\u00A0,\u200B\n\u202F,\nSecond,b\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().rowNumber()).isEqualTo(2);
			assertThat(source.next().rowNumber()).isEqualTo(5);
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void blankLinesBeforeTheHeaderAreCounted() throws IOException {
		Path file = write("\n\ntitle;board\nFirst;b\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "board");
			assertThat(source.next().rowNumber()).isEqualTo(4);
		}
	}

	@Test
	void padsShortRows() throws IOException {
		Path file = write("title,board,link\nOnly title\nTwo,cells\n");

		assertThat(values(file)).containsExactly(List.of("Only title", "", ""), List.of("Two", "cells", ""));
	}

	@Test
	void ignoresEmptyCellsBeyondTheHeader() throws IOException {
		Path file = write("title,board\na,b,,,\n");

		assertThat(values(file)).containsExactly(List.of("a", "b"));
	}

	@Test
	void rejectsRowWithMoreCellsThanTheHeader() throws IOException {
		Path file = write("title,board,link,alt_text,keywords\nok,b,l,a,k\nPrice 1,50,b,l,a,k,\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			source.next();
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessage(file + " row 3: has 6 cells but the header has 5 columns: cell F3 ('k') is right of the"
						+ " last column — give its column a header or clear it; or, if a cell of the row holds a"
						+ " comma, put that cell in quotes (\"like, this\")");
		}
	}

	/** A note typed right of the last column: before, the message only said to quote cells holding a comma. */
	@Test
	void aCellRightOfTheLastColumnIsNamedAsASpreadsheetShowsIt() throws IOException {
		Path file = write("title;board;link\nok;b;l\nok;b;l;;call Anna about this one\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			source.next();
			assertThatThrownBy(source::next).hasMessageContaining("row 3: has 5 cells but the header has 3 columns:"
					+ " cell E3 ('call Anna about this one') is right of the last column — give its column a header"
					+ " or clear it; or, if a cell of the row holds a semicolon, put that cell in quotes"
					+ " (\"like; this\")");
		}
	}

	@Test
	void tooLongRowMessageNamesTheSniffedDelimiter() throws IOException {
		Path file = write("title;board\na;b;c\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThatThrownBy(source::next).hasMessageContaining("row 2: has 3 cells")
				.hasMessageContaining("holds a semicolon");
		}
	}

	@Test
	void reportsUnterminatedQuoteAtTheRowWhereItStarts() throws IOException {
		Path file = write("title,board\nok,b\n\"multi\nline\",b\nbad,\"never closed\nmore,text\nand more\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().rowNumber()).isEqualTo(2);
			assertThat(source.next().rowNumber()).isEqualTo(3);
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessageStartingWith(file + " row 4: unterminated quoted cell (a \" is opened but never closed)")
				.hasMessageNotContaining("\n");
		}
	}

	@Test
	void stopsAtAnUnterminatedQuoteBeforeGatheringTheRestOfALargeFile() throws IOException {
		Path file = dir.resolve("pins.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("title,description\nok,fine\nbad,\"never closed\n");
			for (int i = 0; i < 60_000; i++) {
				out.write("Pin number " + i + ",some description\n");
			}
		}

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().rowNumber()).isEqualTo(2);
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessageStartingWith(file + " row 3: is longer than 1000000 characters: a \" opened and never"
						+ " closed takes the rest of the file into one cell (close it)");
		}
	}

	@Test
	void aCellOfMillionsOfCharactersWithoutAQuoteIsToldToBeShortenedNotToCloseAQuote() throws IOException {
		Path file = write("title,description\nok,fine\n" + "x".repeat(1_500_000) + ",long\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().rowNumber()).isEqualTo(2);
			// before: only "most likely a \" is opened but never closed", of a row without one
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessageEndingWith("or a cell is that long (a pin's text is 500 characters at most: shorten it)");
		}
	}

	@Test
	void reportsTextAfterClosingQuote() throws IOException {
		Path file = write("title,board\n\"quoted\"tail,b\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessageStartingWith(file + " row 2: a quoted cell has text after its closing \"");
		}
	}

	@Test
	void aTabSeparatedCellStartingWithAQuoteAsGoogleSheetsWritesItSaysToDownloadACsv() throws IOException {
		// Google Sheets' .tsv download writes cells as they are: a title that starts with a quote is not quoted
		Path file = write("title\tboard\n\"Best\" chairs\tb\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessage(file + " row 2: a quoted cell has text after its closing \"; double a \" that is part of the"
						+ " text (\"\"); a tab-separated file whose cells are written without quotes (as Google Sheets'"
						+ " .tsv download) cannot be told from this: download it as CSV instead");
		}
	}

	@Test
	void reportsMalformedHeaderWhenOpening() throws IOException {
		Path file = write("\"title,board\nx,y\n");

		assertThatThrownBy(() -> CsvRowSource.open(file)).isInstanceOf(InputFileException.class)
			.hasMessageStartingWith(file + " row 1: unterminated quoted cell");
	}

	@Test
	void readsExcelUnicodeTextAsUtf16LeWithTabs() throws IOException {
		Path file = dir.resolve("unicode.txt");
		Files.write(file, concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
				"title\tboard\r\nCaf\u00e9 \u2615\tK\u00fcche\r\n".getBytes(StandardCharsets.UTF_16LE)));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "board");
			assertThat(source.next().values()).containsExactly("Caf\u00e9 \u2615", "K\u00fcche");
			assertThat(source.notes()).isEmpty();
			assertThat(source.delimiter()).isEqualTo('\t');
		}
	}

	@Test
	void readsUtf16BeWithByteOrderMark() throws IOException {
		Path file = dir.resolve("unicode.csv");
		Files.write(file, concat(new byte[] { (byte) 0xFE, (byte) 0xFF },
				"title,board\nCaf\u00e9,B\n".getBytes(StandardCharsets.UTF_16BE)));

		assertThat(values(file)).containsExactly(List.of("Caf\u00e9", "B"));
	}

	@Test
	void readsUtf16WithoutByteOrderMarkAndSaysSo() throws IOException {
		Path file = dir.resolve("unicode.csv");
		Files.write(file, "title,board\nA,B\n".getBytes(StandardCharsets.UTF_16BE));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("A", "B");
			assertThat(source.notes()).containsExactly(file + " has no byte order mark but is UTF-16BE text; read as"
					+ " UTF-16BE (sample: \"title\")");
		}
	}

	@Test
	void detectsWindows1252AndShowsASampleReadWithIt() throws IOException {
		Path file = dir.resolve("excel.csv");
		Files.write(file, "title;board\r\nCaf\u00e9 cr\u00e8me;K\u00fcche Ideen\r\n\u201cQuoted\u201d;B\r\n"
			.getBytes("windows-1252"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("Caf\u00e9 cr\u00e8me", "K\u00fcche Ideen");
			assertThat(source.next().values()).containsExactly("\u201cQuoted\u201d", "B");
			assertThat(source.notes()).containsExactly(file + " is not UTF-8; read as windows-1252 (sample: \"Caf\u00e9\","
					+ " \"cr\u00e8me\", \"K\u00fcche\")" + "; if that looks wrong, give --encoding=NAME");
		}
	}

	@Test
	void aCentralEuropeanCodePageIsNotReadAsWindows1252() throws IOException {
		// Polish as Excel saves it on a Polish Windows: read as Windows-1252 it would be "Gda\u00f1sk",
		// "\u00a3\u00f3d\u0178", "Wroc\u00b3aw", with a first sample word, "Krak\u00f3w", the same in both (before:
		// chosen, and sent so)
		Path file = dir.resolve("polish.csv");
		Files.write(file, ("title,description\r\nKrak\u00f3w i Gda\u0144sk,"
				+ "\"\u0141\u00f3d\u017a, Wroc\u0142aw \u2013 \u017c\u00f3\u0142\u0107\"\r\n").getBytes("windows-1250"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("Krak\u00f3w i Gda\u0144sk",
					"\u0141\u00f3d\u017a, Wroc\u0142aw \u2013 \u017c\u00f3\u0142\u0107");
			assertThat(source.notes()).singleElement().asString().contains("read as windows-1250 (sample: \"Krak\u00f3w\","
					+ " \"Gda\u0144sk\", \"\u0141\u00f3d\u017a\")");
		}
	}

	@Test
	void westernTextThatAlsoReadsAsWindows1250StaysWindows1252() throws IOException {
		// French and a volume in cubic metres: Windows-1250 reads "cr\u010dme", "\u0155 la", "m\u0142"
		Path file = dir.resolve("french.csv");
		Files.write(file, ("title,description\nCr\u00e8me \u00e0 la fran\u00e7aise,"
				+ "Cuve de 3 m\u00b3 et 5 m\u00b3 et 9 m\u00b3\n").getBytes("windows-1252"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("Cr\u00e8me \u00e0 la fran\u00e7aise",
					"Cuve de 3 m\u00b3 et 5 m\u00b3 et 9 m\u00b3");
		}
	}

	@Test
	void cyrillicAndGreekCodePagesAreNotReadAsWindows1252() throws IOException {
		// a Russian and a Greek title, as Excel saves them on such a Windows, in files otherwise of plain ASCII: the
		// detector ranks Western first, which read (and sent) "\u00cf\u00f0\u00e8\u00e2\u00e5\u00f2 \u00ec\u00e8\u00f0"
		// and "\u00ca\u00e1\u00eb\u00e7\u00ec\u00dd\u00f1\u00e1"
		String russian = "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, \u0443\u044e\u0442\u043d\u0430\u044f"
				+ " \u043a\u0443\u0445\u043d\u044f";
		String greek = "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 \u03ba\u03bf\u03c5\u03b6\u03af\u03bd\u03b1";
		Map<String, String> codePages = Map.of("windows-1251", russian, "windows-1253", greek);
		for (Map.Entry<String, String> codePage : codePages.entrySet()) {
			Path file = dir.resolve(codePage.getKey() + ".csv");
			StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n\"")
				.append(codePage.getValue()).append("\",first,https://images.example.com/1.jpg,Kitchen Ideas,acme-home\n");
			for (int row = 2; row <= 3; row++) {
				csv.append("pin ").append(row).append(",description ").append(row)
					.append(" for testing,https://images.example.com/").append(row).append(".jpg,Kitchen Ideas,acme-home\n");
			}
			Files.write(file, csv.toString().getBytes(codePage.getKey()));

			try (CsvRowSource source = CsvRowSource.open(file)) {
				assertThat(source.next().values().get(0)).isEqualTo(codePage.getValue());
				assertThat(source.notes()).singleElement().asString().contains("read as " + codePage.getKey());
			}
		}
	}

	@Test
	void aTurkishCodePageIsNotReadAsWindows1252ButIcelandicStaysWestern() throws IOException {
		// Windows-1254 differs from Windows-1252 in six letters, read as Icelandic ones: "\u00fe\u0131k" became
		// "\u00fe\u00fdk", and the detector names Windows-1252 (or ISO-8859-1) for it
		String turkish = "G\u00fczel mutfak \u015f\u0131k \u0131\u011f";
		String icelandic = "\u00de\u00f3rsm\u00f6rk fer\u00f0 \u00ed \u00e1g\u00fast, \u00fe\u00fa og \u00e9g";
		Map<String, String> codePages = Map.of("windows-1254", turkish, "windows-1252", icelandic);
		for (Map.Entry<String, String> codePage : codePages.entrySet()) {
			Path file = dir.resolve(codePage.getKey() + ".csv");
			Files.write(file, ("title,description\n\"" + codePage.getValue() + "\",pin one\npin two,plain\n")
				.getBytes(codePage.getKey()));

			try (CsvRowSource source = CsvRowSource.open(file)) {
				assertThat(source.next().values().get(0)).isEqualTo(codePage.getValue());
				assertThat(source.notes()).singleElement().asString().contains("read as " + codePage.getKey());
			}
		}
	}

	@Test
	void aSheetChosenForACsvIsSaidToHaveNothingToChoose() throws IOException {
		// before: --sheet=Pins with a CSV was ignored without a word
		Path file = Files.writeString(dir.resolve("pins.csv"), "title,board\nOak,Kitchen Ideas\n");

		try (CsvRowSource source = CsvRowSource.open(file, new InputOptions("Pins"))) {
			assertThat(source.next().values()).containsExactly("Oak", "Kitchen Ideas");
			assertThat(source.notes()).containsExactly(file + ": --sheet=Pins chooses a workbook's sheet; this file is a"
					+ " CSV, with one table: read as it is");
		}
	}

	@Test
	void latin9IsReadWithItsEuroSign() throws IOException {
		// ISO-8859-15 has the euro sign where Windows-1252 has the currency sign: "12,50 \u00a4", "c\u00bdur" before
		String title = "Tarte \u00e0 12,50 \u20ac";
		String description = "Le c\u0153ur du g\u00e2teau, 3 \u20ac la part";
		Path file = dir.resolve("latin9.csv");
		Files.write(file, ("title,description\n\"" + title + "\",\"" + description + "\"\n").getBytes("ISO-8859-15"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly(title, description);
			assertThat(source.notes()).singleElement().asString().contains("read as ISO-8859-15");
		}
	}

	@Test
	void aFileWithWindows1252sOwnEuroSignStaysWindows1252() throws IOException {
		// Windows-1252's euro sign is 0x80, a byte ISO-8859-15 has no text for
		String title = "Tarte \u00e0 12,50 \u20ac";
		String description = "Le caf\u00e9 du matin, 3 \u20ac la tasse";
		Path file = dir.resolve("western-signs.csv");
		Files.write(file, ("title,description\n\"" + title + "\",\"" + description + "\"\n").getBytes("windows-1252"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly(title, description);
			assertThat(source.notes()).singleElement().asString().contains("read as windows-1252");
		}
	}

	@Test
	void shortFrenchOrCzechFilesAreReadInTheirOwnCodePage() throws IOException {
		// the detector named ISO-8859-2 for the French ("Tr\u010ds belle pi\u010dce" sent), nothing at all for
		// "Caf\u00e9 cr\u00e8me" alone (refused), and Windows-1252 for the Czech, whose "\u0165" it cannot read (refused)
		Map<String, String> texts = Map.of(
				"Tr\u00e8s belle pi\u00e8ce", "windows-1252",
				"Caf\u00e9 cr\u00e8me", "windows-1252",
				"P\u0159\u00edli\u0161 \u017elu\u0165ou\u010dk\u00fd k\u016f\u0148 \u00fap\u011bl \u010f\u00e1belsk\u00e9 \u00f3dy",
				"windows-1250");
		for (Map.Entry<String, String> text : texts.entrySet()) {
			Path file = dir.resolve("short.csv");
			Files.write(file, ("title\n" + text.getKey() + "\n").getBytes(text.getValue()));

			try (CsvRowSource source = CsvRowSource.open(file)) {
				assertThat(source.next().values()).as(text.getKey()).containsExactly(text.getKey());
				assertThat(source.notes()).singleElement().asString().contains("read as " + text.getValue());
			}
		}
	}

	@Test
	void aHungarianCodePageIsNotReadAsWindows1252ButFrenchAndPortugueseStayWestern() throws IOException {
		// Windows-1250 differs from Windows-1252 in Hungarian's double-acute letters, read as Portuguese or French
		// ones: "\u00c1rv\u00edzt\u00fbr\u00f5 t\u00fck\u00f6rf\u00far\u00f3g\u00e9p" was sent
		Map<String, String> texts = Map.of(
				"\u00c1rv\u00edzt\u0171r\u0151 t\u00fck\u00f6rf\u00far\u00f3g\u00e9p", "windows-1250",
				"Le go\u00fbt s\u00fbr de la cr\u00e8me", "windows-1252",
				"Informa\u00e7\u00f5es e op\u00e7\u00f5es", "windows-1252");
		for (Map.Entry<String, String> text : texts.entrySet()) {
			Path file = dir.resolve("accents.csv");
			Files.write(file, ("title,board\n\"" + text.getKey() + "\",Kitchen Ideas\nplain pin,Kitchen Ideas\n")
				.getBytes(text.getValue()));

			try (CsvRowSource source = CsvRowSource.open(file)) {
				assertThat(source.next().values().get(0)).as(text.getKey()).isEqualTo(text.getKey());
				assertThat(source.notes()).singleElement().asString().contains("read as " + text.getValue());
			}
		}
	}

	@Test
	void westernTextWithShortAccentedWordsStaysWindows1252() throws IOException {
		// words of accented letters alone are rare and short in Western text: "\u00e0", "o\u00f9", "\u00e9t\u00e9"
		Path file = dir.resolve("western.csv");
		String title = "\u00c9t\u00e9 \u00e0 Paris";
		String description = "O\u00f9 est le caf\u00e9 ? \u00de\u00f3rsm\u00f6rk \u00ed \u00e1g\u00fast";
		Files.write(file, ("title,description\n" + title + "," + description + "\n").getBytes("windows-1252"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly(title, description);
			assertThat(source.notes()).singleElement().asString().contains("read as windows-1252");
		}
	}

	@Test
	void curlyQuotesAloneAreNamedWindows1252() throws IOException {
		// both code pages read these the same; the detector sometimes names Windows-1250 for them
		Path file = dir.resolve("quotes.csv");
		StringBuilder csv = new StringBuilder("title,description,media_url,board,link,account,publish_at,alt_text,"
				+ "keywords\n");
		for (int i = 1; i <= 3; i++) {
			csv.append("curly pin ").append(i).append(i == 1 ? ",He said \u201chello\u201d \u2013 ok"
					: ",curly description " + i + " for testing").append(",https://images.example.com/curly/").append(i)
				.append(".jpg,Kitchen Ideas,https://www.acme-home.example/curly/").append(i).append(",acme-home,2027-0")
				.append(i).append("-1").append(i - 1).append(" 10:00,alt curly ").append(i).append(",\"kw1, kw2\"\n");
		}
		Files.write(file, csv.toString().getBytes("windows-1252"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).contains("He said \u201chello\u201d \u2013 ok");
			assertThat(source.notes()).singleElement().asString().contains("read as windows-1252");
		}
	}

	@Test
	void aMacsCodePageIsNotReadAsWindows1252() throws IOException {
		// Mac Roman bytes that Windows-1252 also decodes, into other letters: "CafŽ †ber", "SŸ§e €pfel"
		Path file = dir.resolve("mac.csv");
		Files.write(file, "title,description\nCaf\u00e9 \u00dcber,S\u00fc\u00dfe \u00c4pfel im Caf\u00e9\n"
			.getBytes("x-MacRoman"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("Caf\u00e9 \u00dcber", "S\u00fc\u00dfe \u00c4pfel im Caf\u00e9");
			assertThat(source.notes()).singleElement().asString().contains("read as x-MacRoman (sample: \"Caf\u00e9");
		}
	}

	@Test
	void aShortDosFileTheDetectorTakesForTurkishIsReadAsDos() throws IOException {
		// Excel's "CSV (MS-DOS)": Windows-1254 reads it as Windows-1252 does, "CrŠme br–l‚e"
		Path file = dir.resolve("dos.csv");
		Files.write(file, "title,board\n\"Cr\u00e8me br\u00fbl\u00e9e \u00e0 la fran\u00e7aise\",Kitchen\n"
			.getBytes("IBM850"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("Cr\u00e8me br\u00fbl\u00e9e \u00e0 la fran\u00e7aise",
					"Kitchen");
			assertThat(source.notes()).singleElement().asString().contains("read as IBM850");
		}
	}

	@Test
	void windows1252ThatAlsoReadsAsMacRomanStaysWindows1252() throws IOException {
		// curly apostrophes and a trade mark inside words read as small letters in Mac Roman ("donít", "Acmeô"), but
		// nothing in Windows-1252 reads as a capital inside a word
		Path file = dir.resolve("english.csv");
		Files.write(file, "title,board\nDon\u2019t miss Acme\u2122 shelves,B\nCr\u00e8me,B\n".getBytes("windows-1252"));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("Don\u2019t miss Acme\u2122 shelves", "B");
			assertThat(source.next().values()).containsExactly("Cr\u00e8me", "B");
		}
	}

	@Test
	void encodingGivenByTheUserWinsOverDetection() throws IOException {
		Path file = dir.resolve("mac.csv");
		Files.write(file, "title,board\nCaf\u00e9,B\n".getBytes("x-MacRoman"));

		try (CsvRowSource source = CsvRowSource.open(file, new InputOptions(null, "x-MacRoman"))) {
			assertThat(source.next().values()).containsExactly("Caf\u00e9", "B");
			// the text as that encoding reads it, so a wrong one shows
			assertThat(source.notes())
				.containsExactly(file + " read as x-MacRoman (--encoding) (sample: \"Caf\u00e9\")");
		}
	}

	@Test
	void rejectsBinaryFile() throws IOException {
		Path file = dir.resolve("image.csv");
		Files.write(file, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H' });

		assertThatThrownBy(() -> CsvRowSource.open(file)).isInstanceOf(InputFileException.class)
			.hasMessage(file + ": is not a CSV or XLSX file (if it is text saved as UTF-16 without a byte order mark,"
					+ " give --encoding=UTF-16LE, or UTF-16BE)");
	}

	@Test
	void detectsACodePageThatStartsFarDownTheFile() throws IOException {
		Path file = dir.resolve("latin1.csv");
		StringBuilder text = new StringBuilder("title,board\n");
		for (int i = 0; i < 5000; i++) {
			text.append("Plain ascii row ").append(i).append(",board\n");
		}
		// 'é' in Windows-1252 is the single byte 0xE9: not UTF-8; it is on row 5002, beyond the first 64 KB
		byte[] latin1 = "Caf\u00e9,board\nlater,row\n".getBytes(StandardCharsets.ISO_8859_1);
		Files.write(file, concat(text.toString().getBytes(StandardCharsets.UTF_8), latin1));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.notes()).singleElement().asString().contains("read as windows-1252 (sample: \"Caf\u00e9\")");
			for (int i = 0; i < 5000; i++) {
				assertThat(source.next().values().get(0)).isEqualTo("Plain ascii row " + i);
			}
			assertThat(source.next().values()).containsExactly("Caf\u00e9", "board");
		}
	}

	@Test
	void binaryWithFewNulBytesAmongManyOtherControlBytesIsNotText() throws IOException {
		// compressed data: one byte in fifty a NUL (text with stray NULs may have that many), but control bytes
		// everywhere else too
		Path file = dir.resolve("compressed.csv");
		byte[] noise = new byte[4000];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = i % 50 == 0 ? 0 : (byte) (1 + (i * 37) % 250);
		}
		Files.write(file, noise);

		assertThatThrownBy(() -> CsvRowSource.open(file)).isInstanceOf(InputFileException.class)
			.hasMessageStartingWith(file + ": is not a CSV or XLSX file");
	}

	@Test
	void binaryWithoutNulBytesIsNotText() throws IOException {
		Path file = dir.resolve("noise.csv");
		byte[] noise = new byte[2000];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (byte) (1 + (i * 37) % 250);
		}
		Files.write(file, noise);

		assertThatThrownBy(() -> CsvRowSource.open(file)).isInstanceOf(InputFileException.class)
			.hasMessage(file + ": is not a CSV or XLSX file");
	}

	@Test
	void invalidUtf8AtTheStartOfARowNamesThatRow() throws IOException {
		Path file = dir.resolve("latin1.csv");
		// UTF-8 letters first, then a byte that is not UTF-8: damaged UTF-8, not a code page
		Files.write(file, concat("title,board\r\nd\u00e9j\u00e0,b\r\n".getBytes(StandardCharsets.UTF_8),
				"\u00e9t\u00e9,b\r\n".getBytes(StandardCharsets.ISO_8859_1)));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("d\u00e9j\u00e0", "b");
			assertThatThrownBy(source::next).hasMessageContaining("(row 3 holds bytes that are not UTF-8");
		}
	}

	@Test
	void rejectsTruncatedUtf8AtEndOfFile() throws IOException {
		Path file = dir.resolve("cut.csv");
		byte[] text = "title\nok \u00e9\n☕".getBytes(StandardCharsets.UTF_8);
		Files.write(file, java.util.Arrays.copyOf(text, text.length - 1));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values()).containsExactly("ok \u00e9");
			assertThatThrownBy(source::next).hasMessageContaining("row 3 holds bytes that are not UTF-8");
		}
	}

	@Test
	void rejectsEmptyFile() throws IOException {
		Path file = write("");

		assertThatThrownBy(() -> CsvRowSource.open(file)).isInstanceOf(InputFileException.class)
			.hasMessage(file + ": is empty; the first row must be the column headers");
	}

	@Test
	void rejectsFileWithOnlyBlankLines() throws IOException {
		Path file = dir.resolve("blank.csv");
		Files.write(file, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"\r\n\r\n,,\r\n".getBytes(StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> CsvRowSource.open(file)).isInstanceOf(InputFileException.class)
			.hasMessage(file + ": is empty; the first row must be the column headers");
	}

	@Test
	void headerOnlyFileHasNoRows() throws IOException {
		Path file = write("title,board\r\n");

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.headers()).containsExactly("title", "board");
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void streamsLargeFile() throws IOException {
		Path file = dir.resolve("large.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("title,description,board\r\n");
			for (int i = 0; i < 100_000; i++) {
				out.write("Pin " + i + ",\"Description, number " + i + "\",board\r\n");
			}
		}

		long count = 0;
		InputRow last = null;
		try (CsvRowSource source = CsvRowSource.open(file)) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				count++;
				last = row;
			}
		}
		assertThat(count).isEqualTo(100_000);
		assertThat(last.rowNumber()).isEqualTo(100_001);
		assertThat(last.values()).containsExactly("Pin 99999", "Description, number 99999", "board");
	}

	private Path write(String text) throws IOException {
		Path file = dir.resolve("pins.csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	private static List<List<String>> values(Path file) {
		List<List<String>> rows = new ArrayList<>();
		try (CsvRowSource source = CsvRowSource.open(file)) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				rows.add(row.values());
			}
		}
		return rows;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}
}
