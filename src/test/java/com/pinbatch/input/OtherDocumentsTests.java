package com.pinbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Files given as a spreadsheet that are something else, refused with what they are and what to give instead. */
class OtherDocumentsTests {

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			'<BOM><NL>  <!DOCTYPE html><html><head><title>Sign in</title>'         | UTF-8    | a web page (HTML)
			<html lang="en"><body>Google Sheets</body></html>                      | UTF-16LE | a web page (HTML)
			'<?xml?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">' | UTF-8 | an Excel 2003
			'<?xml version="1.0"?><pins><pin/></pins>'                           | UTF-8    | an XML file
			%PDF-1.7                                                               | UTF-8    | a PDF document
			'{\\rtf1\\ansi\\ansicpg1252 title,media_url'                           | UTF-8    | a rich-text (RTF)
			'[{"title": "Oak", "media_url": "https://images.example.com/oak.jpg"}]' | UTF-8    | JSON
			'{ "pins": [] }'                                                       | UTF-8    | JSON
			""")
	void aFileThatIsAnotherKindOfDocumentIsRefusedSayingWhatItIsAndWhatToGive(String start, String charset,
			String said) throws IOException {
		Path file = dir.resolve("pins.csv");
		byte[] bom = charset.equals("UTF-16LE") ? new byte[] { (byte) 0xFF, (byte) 0xFE } : new byte[0];
		byte[] text = start.replace("<BOM>", "\uFEFF").replace("<NL>", "\n").getBytes(Charset.forName(charset));
		byte[] all = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(text, 0, all, bom.length, text.length);
		Files.write(file, all);

		assertThatThrownBy(() -> RowSources.open(file, InputOptions.defaults()).close())
			.isInstanceOf(InputFileException.class)
			.hasMessageStartingWith(file + ": is " + said);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[Title],[Image],[Board]\nOak,https://images.example.com/oak.jpg,Kitchen\n",
			"{title},media_url\nOak,https://images.example.com/oak.jpg\n",
			"title,description\nHTML,<html> is a tag\n" })
	void aCsvThatStartsLikeOneIsStillReadAsCsv(String csv) throws IOException {
		Path file = Files.writeString(dir.resolve("pins.csv"), csv, StandardCharsets.UTF_8);

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source.next()).isNotNull();
		}
	}
}
