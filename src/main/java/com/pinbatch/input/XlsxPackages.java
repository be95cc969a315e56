package com.pinbatch.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens an XLSX file as a read-only OOXML package, after telling apart the files that are not one: a legacy or
 * encrypted workbook (OLE2), a damaged zip, a zip that holds no workbook. POI's zip-bomb guards stay on.
 */
final class XlsxPackages {

	/** Where an encrypted OOXML file keeps its encryption header (MS-OFFCRYPTO). */
	private static final String ENCRYPTION_INFO = "EncryptionInfo";

	private XlsxPackages() {
	}

	static OPCPackage open(Path file) {
		FileMagic magic = magic(file);
		if (magic == FileMagic.OLE2) {
			throw ole2Workbook(file);
		}
		if (magic != FileMagic.OOXML) {
			throw new InputFileException(file + ": is not an XLSX workbook; save it as .xlsx or CSV UTF-8");
		}
		requireIntactZip(file);
		try {
			return OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (Exception ex) {
			throw XlsxProblems.unreadable(file, ex);
		}
	}

	/** Read-only packages are closed by reverting: close() would try to save. */
	static void close(OPCPackage workbook) {
		workbook.revert();
	}

	private static FileMagic magic(Path file) {
		try {
			return FileMagic.valueOf(file.toFile());
		}
		catch (IOException ex) {
			throw new InputFileException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	/** Encrypted .xlsx files are OLE2 containers too; only the entries inside tell them from .xls files. */
	private static InputFileException ole2Workbook(Path file) {
		try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
			if (container.getRoot().hasEntryCaseInsensitive(ENCRYPTION_INFO)) {
				return new InputFileException(file
						+ ": is password-protected; remove the password or export it as CSV UTF-8");
			}
			return new InputFileException(file
					+ ": is an Excel 97-2003 .xls workbook; save it as .xlsx or CSV UTF-8");
		}
		catch (IOException | RuntimeException ex) {
			return new InputFileException(file + ": is a damaged Office file; save it again as .xlsx or CSV UTF-8",
					ex);
		}
	}

	/**
	 * Checks the zip's central directory first: POI falls back to reading a damaged zip entry by entry, and would
	 * report a truncated file as something else, or not at all. Then tells the other zip-based spreadsheets apart.
	 */
	private static void requireIntactZip(Path file) {
		List<String> names;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			names = zip.stream().map(entry -> entry.getName().toLowerCase(Locale.ROOT)).toList();
		}
		catch (IOException ex) {
			throw new InputFileException(file + ": is a damaged or truncated zip file, not a readable workbook;"
					+ " save it again from the spreadsheet program as .xlsx", ex);
		}
		// every producer names the part xl/workbook.xml; only the name is checked here, POI follows relationships
		if (names.stream().anyMatch(name -> name.endsWith("workbook.xml"))) {
			return;
		}
		if (names.contains("xl/workbook.bin")) {
			throw new InputFileException(file + ": is an Excel binary (.xlsb) workbook; save it as .xlsx or CSV"
					+ " UTF-8");
		}
		if (names.contains("index/document.iwa") || names.contains("index.zip")) {
			throw new InputFileException(file + ": is an Apple Numbers document; in Numbers choose File > Export To >"
					+ " Excel (or CSV) and give that file");
		}
		if (names.contains("content.xml") && names.contains("mimetype")) {
			throw new InputFileException(file + ": is an OpenDocument (.ods) spreadsheet; save it as .xlsx or CSV"
					+ " UTF-8");
		}
		throw XlsxProblems.notAWorkbook(file);
	}
}
