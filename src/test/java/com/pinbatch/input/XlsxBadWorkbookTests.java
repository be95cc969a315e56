package com.pinbatch.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.pinbatch.input.XlsxTestWorkbooks.replaceEntry;
import static com.pinbatch.input.XlsxTestWorkbooks.textRow;
import static com.pinbatch.input.XlsxTestWorkbooks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every workbook that cannot be read stops with one line that names the file and what to do. */
class XlsxBadWorkbookTests {

	private static final String SHEET_XML = "xl/worksheets/sheet1.xml";

	private static final String SHARED_STRINGS_XML = "xl/sharedStrings.xml";

	@TempDir
	Path dir;

	@Test
	void legacyXlsWorkbookMustBeSavedAgain() throws IOException {
		Path file = dir.resolve("pins.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			textRow(workbook.createSheet("Pins"), 1, "title");
			workbook.write(out);
		}

		assertUnreadable(file, file + ": is an Excel 97-2003 .xls workbook; save it as .xlsx or CSV UTF-8");
	}

	@Test
	void passwordProtectedWorkbookAsksToRemoveThePassword() throws Exception {
		Path plain = validWorkbook("plain.xlsx");
		Path file = dir.resolve("secret.xlsx");
		try (POIFSFileSystem container = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("s3cret");
			try (OPCPackage workbook = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
					OutputStream encrypted = encryptor.getDataStream(container)) {
				workbook.save(encrypted);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				container.writeFilesystem(out);
			}
		}

		assertUnreadable(file, file + ": is password-protected; remove the password or export it as CSV UTF-8");
	}

	@Test
	void truncatedZipIsReportedAsDamaged() throws IOException {
		byte[] whole = Files.readAllBytes(validWorkbook("whole.xlsx"));
		Path file = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));

		assertUnreadable(file, file + ": is a damaged or truncated zip file, not a readable workbook; save it again"
				+ " from the spreadsheet program as .xlsx");
	}

	@Test
	void zipWithoutWorkbookIsNotTakenForOne() throws IOException {
		Path file = dir.resolve("photos.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("photo-1.txt"));
			zip.write("not a picture".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}

		assertUnreadable(file, file + ": is a zip file but not an Excel workbook (it has no xl/workbook.xml); give"
				+ " the .xlsx file itself");
	}

	@Test
	void aStrictOpenXmlWorkbookIsNamedWithTheFormatToSaveInstead() throws IOException {
		// Excel's "Strict Open XML Spreadsheet" (before: POI's words, which name its bug tracker)
		Path file = dir.resolve("strict.xlsx");
		String relationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", "<Types"
				+ " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\""
				+ " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
				+ ".spreadsheetml.sheet.main+xml\"/></Types>");
		parts.put("_rels/.rels", "<Relationships"
				+ " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Type=\"" + relationships + "/officeDocument\" Target=\"xl/workbook.xml\" Id=\"rId1\"/>"
				+ "</Relationships>");
		parts.put("xl/workbook.xml", "<workbook conformance=\"strict\" xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml"
				+ "/main\" xmlns:r=\"" + relationships + "\"><sheets><sheet name=\"Pins\" sheetId=\"1\" r:id=\"rId1\"/>"
				+ "</sheets></workbook>");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}

		assertUnreadable(file, file + ": is saved as a Strict Open XML workbook, which pinbatch does not read; save it"
				+ " again as 'Excel Workbook (.xlsx)' (not 'Strict Open XML Spreadsheet')");
	}

	@Test
	void openDocumentSpreadsheetMustBeSavedAsXlsx() throws IOException {
		Path file = dir.resolve("pins.ods");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (String name : new String[] { "mimetype", "content.xml", "META-INF/manifest.xml" }) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}

		assertUnreadable(file, file + ": is an OpenDocument (.ods) spreadsheet; save it as .xlsx or CSV UTF-8");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Index/Document.iwa", "Index.zip" })
	void appleNumbersDocumentMustBeExported(String index) throws IOException {
		// Numbers saves a zip of its own parts (older versions nest them in Index.zip), no workbook.xml
		Path file = dir.resolve("plan.numbers");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (String name : new String[] { index, "Metadata/DocumentIdentifier", "preview.jpg" }) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write(1);
				zip.closeEntry();
			}
		}

		assertUnreadable(file, file + ": is an Apple Numbers document; in Numbers choose File > Export To > Excel (or"
				+ " CSV) and give that file");
	}

	@Test
	void zipBombIsRefusedByPoisInflateRatioGuard() throws IOException {
		// 5 MB of one character deflates about 1000:1, far past POI's 1:100 limit
		StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml"
				+ "/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
		sheet.append("a".repeat(5_000_000)).append("</t></is></c></row></sheetData></worksheet>");
		Path file = replaceEntry(validWorkbook("plain.xlsx"), dir.resolve("bomb.xlsx"), SHEET_XML,
				sheet.toString().getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> XlsxRowSource.open(file, InputOptions.defaults()))
			.isInstanceOf(InputFileException.class)
			.hasMessageStartingWith(file + ": looks like a zip bomb");
	}

	@Test
	void aSharedStringsTableOfMillionsOfStringsIsRefusedBeforeItFillsTheMemory() throws IOException {
		// the attack as found: 3 million distinct strings, which compress too well for a zip-bomb guard to notice
		ByteArrayOutputStream table = new ByteArrayOutputStream(80_000_000);
		table.writeBytes(("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3000000\""
				+ " uniqueCount=\"3000000\">").getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 3_000_000; i++) {
			table.writeBytes(("<si><t>s" + i + "</t></si>").getBytes(StandardCharsets.UTF_8));
		}
		table.writeBytes("</sst>".getBytes(StandardCharsets.UTF_8));
		Path file = replaceEntry(validWorkbook("plain.xlsx"), dir.resolve("strings.xlsx"), SHARED_STRINGS_XML,
				table.toByteArray());

		assertThatThrownBy(() -> XlsxRowSource.open(file, InputOptions.defaults()))
			.isInstanceOf(InputFileException.class)
			.hasMessageStartingWith(file + ": the workbook's shared-strings table holds more than 1000000 strings")
			.message().doesNotContain("\n");
	}

	@Test
	void theSharedStringsLimitsCountCharactersToo() throws IOException {
		Path file = validWorkbook("plain.xlsx");
		InputOptions tight = new InputOptions(null, null, new XlsxLimits(1_000_000, 100));

		assertThatThrownBy(() -> XlsxRowSource.open(file, tight)).isInstanceOf(InputFileException.class)
			.hasMessageStartingWith(file + ": the workbook's shared-strings table holds more than 1000000 strings or"
					+ " 100 characters");
	}

	@Test
	void brokenSheetXmlNamesTheLastGoodRow() throws IOException {
		Path file = titleAndFirstRowThen("broken.xlsx", "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Sec");

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.next().values()).containsExactly("First");
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessageStartingWith(file + ": sheet 'Pins' is damaged after row 2 (")
				.hasMessageEndingWith("); save the workbook again from the spreadsheet program")
				.message().doesNotContain("\n");
		}
	}

	@Test
	void aDamagedPartAfterTheRowsCostsOnlyTheNoteOnMergedCells() throws IOException {
		Path file = titleAndFirstRowThen("tail.xlsx", "</sheetData><mergeCells><mergeCell ref=\"A2:A3\"/><mergeCe");

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.next().values()).containsExactly("First");
			assertThat(source.next()).isNull();
			assertThat(source.findings()).singleElement().asString().contains("cells A2:A3 are merged");
		}
	}

	@Test
	void workbookWithoutSheetsSaysSo() throws IOException {
		Path file = write(dir.resolve("nosheets.xlsx"), workbook -> {
		});

		assertUnreadable(file, file + ": the workbook has no sheets; add a sheet whose first row is the column"
				+ " headers");
	}

	@Test
	void fileThatIsNeitherZipNorOfficeIsNotAWorkbook() throws IOException {
		Path file = Files.writeString(dir.resolve("notes.xlsx"), "just some text\n");

		assertUnreadable(file, file + ": is not an XLSX workbook; save it as .xlsx or CSV UTF-8");
	}

	private Path validWorkbook(String name) throws IOException {
		return write(dir.resolve(name), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "board");
			for (int row = 2; row < 200; row++) {
				textRow(sheet, row, "Pin " + row, "Kitchen Ideas");
			}
		});
	}

	/** A workbook whose sheet XML holds a header row ("title") and a row "First", then {@code rest}, as written. */
	private Path titleAndFirstRowThen(String name, String rest) throws IOException {
		String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>First</t></is></c></row>" + rest;
		return replaceEntry(validWorkbook("plain.xlsx"), dir.resolve(name), SHEET_XML,
				sheet.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertUnreadable(Path file, String message) {
		assertThatThrownBy(() -> XlsxRowSource.open(file, InputOptions.defaults()))
			.isInstanceOf(InputFileException.class)
			.hasMessage(message);
	}
}
