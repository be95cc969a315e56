package com.pinbatch.input;

import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The web addresses a sheet's cells link to (Excel's Insert › Link, Google Sheets' links): a cell may show "Shop now"
 * while it opens https://shop.example.com/..., and a CSV export keeps only the text. The sheet stores its links after
 * its rows, so they are read in a pass of their own before the rows, and only when the sheet's relationships hold a
 * web link at all. Links to places in the workbook, to files and to mail addresses are not kept.
 */
final class XlsxSheetLinks {

	/** Links kept at the most: one a row for a large sheet, a bounded map for a forged one. */
	private static final int MAX_LINKS = 250_000;

	/** Cells a range of one link may cover (a link on a whole column stands for no pin's link). */
	private static final int MAX_RANGE_CELLS = 10_000;

	/** How a formula that opens a link starts, before its address: {@code HYPERLINK(}, case aside. */
	private static final Pattern HYPERLINK_CALL = Pattern.compile("\\s*(?:_xlfn\\.)?HYPERLINK\\(\\s*\"",
			Pattern.CASE_INSENSITIVE);

	/** How a formula that shows a picture from its address starts: {@code IMAGE(}, case aside. */
	private static final Pattern IMAGE_CALL = Pattern.compile("\\s*(?:_xlfn\\.)?IMAGE\\(\\s*\"",
			Pattern.CASE_INSENSITIVE);

	static final XlsxSheetLinks NONE = new XlsxSheetLinks(Map.of());

	/** Address by cell: the row number times 2^14 plus the column (Excel's 16,384 columns). */
	private final Map<Long, String> byCell;

	private XlsxSheetLinks(Map<Long, String> byCell) {
		this.byCell = byCell;
	}

	/** The web address the cell links to, or null. */
	String at(long row, int column) {
		return byCell.isEmpty() ? null : byCell.get(key(row, column));
	}

	/**
	 * The web address a cell's {@code HYPERLINK("https://…", "text")} formula opens when it is written out whole (not
	 * computed), or null. A loop rather than a pattern for the quoted text: a pattern's repetition of alternatives
	 * recurses once a character, and a forged formula of a million overflowed the stack.
	 */
	static String ofFormula(String formula) {
		return addressIn(formula, HYPERLINK_CALL);
	}

	/**
	 * Whether the formula opens a link whose address it puts together ({@code HYPERLINK("https://…/"&A4, "Shop")},
	 * {@code HYPERLINK(B4)}): only calculating tells it, and the cell shows its text alone.
	 */
	static boolean putTogether(String formula) {
		Matcher call = HYPERLINK_OPENED.matcher(formula);
		if (!call.lookingAt()) {
			return false;
		}
		int at = skipSpaces(formula, call.end());
		if (at < formula.length() && formula.charAt(at) != '"') {
			return true; // HYPERLINK(B4), HYPERLINK(CONCAT(...))
		}
		int close = textEnd(formula, at + 1, null);
		if (close < 0) {
			return false; // a text never closed: a forged formula, read as the text it shows
		}
		int next = skipSpaces(formula, close + 1);
		return next < formula.length() && formula.charAt(next) == '&';
	}

	/**
	 * Where the formula's quoted text that starts at {@code from} (just after its opening quote) is closed, its text
	 * given to {@code text} when asked for ("" stands for one quote inside it); -1 when it is never closed.
	 */
	private static int textEnd(String formula, int from, StringBuilder text) {
		for (int i = from; i < formula.length(); i++) {
			char c = formula.charAt(i);
			if (c != '"') {
				if (text != null) {
					text.append(c);
				}
			}
			else if (i + 1 < formula.length() && formula.charAt(i + 1) == '"') {
				if (text != null) {
					text.append('"');
				}
				i++;
			}
			else {
				return i;
			}
		}
		return -1;
	}

	private static int skipSpaces(String text, int from) {
		int at = from;
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
		return at;
	}

	/** How any formula that opens a link starts. */
	private static final Pattern HYPERLINK_OPENED = Pattern.compile("\\s*(?:_xlfn\\.)?HYPERLINK\\(",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The web address of a cell's {@code IMAGE("https://…")} formula, or null: Google Sheets and Excel 365 show the
	 * picture in the cell, and save no text for it (Excel an error value), so the address is the cell's media.
	 */
	static String imageOfFormula(String formula) {
		return addressIn(formula, IMAGE_CALL);
	}

	private static String addressIn(String formula, Pattern function) {
		Matcher call = function.matcher(formula);
		if (!call.lookingAt()) {
			return null;
		}
		StringBuilder address = new StringBuilder();
		int close = textEnd(formula, call.end(), address);
		if (close < 0) {
			return null;
		}
		int next = skipSpaces(formula, close + 1);
		boolean whole = next < formula.length() && (formula.charAt(next) == ',' || formula.charAt(next) == ')');
		return whole ? webAddress(address.toString()) : null; // "…"&A4: computed
	}

	/**
	 * @param workbook   the package
	 * @param relationId the sheet's relationship id in the workbook part
	 * @param sheetXml   the sheet's XML, opened anew (read only when the sheet links to the web)
	 */
	static XlsxSheetLinks read(OPCPackage workbook, String relationId, SheetXml sheetXml) throws Exception {
		Map<String, String> addressById = webLinksOf(workbook, relationId);
		if (addressById.isEmpty()) {
			return NONE;
		}
		Map<Long, String> byCell = new HashMap<>();
		try (InputStream in = sheetXml.open()) {
			XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
			try {
				while (xml.hasNext() && byCell.size() < MAX_LINKS) {
					if (xml.next() == XMLStreamConstants.START_ELEMENT && "hyperlink".equals(xml.getLocalName())) {
						String address = withFragment(addressById.get(relationshipId(xml)),
								xml.getAttributeValue(null, "location"));
						String ref = xml.getAttributeValue(null, "ref");
						if (address != null && ref != null) {
							place(byCell, ref.trim(), address);
						}
					}
				}
			}
			catch (XMLStreamException | RuntimeException damaged) {
				// the links read so far still count; damage among the rows is told when they are read
			}
			finally {
				xml.close();
			}
		}
		return new XlsxSheetLinks(byCell);
	}

	/**
	 * Excel keeps a link's {@code #fragment} apart from its address, in the cell link's {@code location}: read
	 * without it, a link to a page's section (or a campaign's tag after the #) lost it.
	 */
	private static String withFragment(String address, String location) {
		if (address == null || location == null || location.isBlank() || address.indexOf('#') >= 0) {
			return address;
		}
		return address + "#" + location.strip();
	}

	/** The link's {@code r:id}, whichever namespace the producer used for it (transitional or strict OOXML). */
	private static String relationshipId(XMLStreamReader xml) {
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			if ("id".equals(xml.getAttributeLocalName(i)) && xml.getAttributeNamespace(i) != null
					&& !xml.getAttributeNamespace(i).isEmpty()) {
				return xml.getAttributeValue(i);
			}
		}
		return null;
	}

	/** The sheet's XML, opened each time it is read. */
	@FunctionalInterface
	interface SheetXml {
		InputStream open() throws Exception;
	}

	/** The sheet part's web links by relationship id; empty for a sheet without one (most: no pass then). */
	private static Map<String, String> webLinksOf(OPCPackage workbook, String relationId) throws Exception {
		List<PackagePart> documents = workbook.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
		if (documents.isEmpty()) {
			return Map.of();
		}
		PackagePart workbookPart = documents.get(0);
		PackageRelationship toSheet = workbookPart.getRelationship(relationId);
		if (toSheet == null) {
			return Map.of();
		}
		URI sheetUri = PackagingURIHelper.resolvePartUri(workbookPart.getPartName().getURI(), toSheet.getTargetURI());
		PackagePart sheet = workbook.getPart(PackagingURIHelper.createPartName(sheetUri));
		if (sheet == null) {
			return Map.of();
		}
		Map<String, String> addressById = new HashMap<>();
		for (PackageRelationship link : sheet.getRelationshipsByType(XSSFRelation.SHEET_HYPERLINKS.getRelation())) {
			String address = link.getTargetMode() == TargetMode.EXTERNAL && link.getTargetURI() != null
					? webAddress(link.getTargetURI().toString()) : null;
			if (address != null) {
				addressById.put(link.getId(), address);
			}
		}
		return addressById;
	}

	/** "B2" or "B2:B9" (each cell of the range links to the address). */
	private static void place(Map<Long, String> byCell, String ref, String address) {
		CellRangeAddress cells;
		try {
			cells = CellRangeAddress.valueOf(ref);
		}
		catch (RuntimeException ex) {
			return; // not a cell: Excel would not show the link either
		}
		if (cells.getFirstRow() < 0 || cells.getFirstColumn() < 0 || cells.getNumberOfCells() > MAX_RANGE_CELLS) {
			return;
		}
		for (int row = cells.getFirstRow(); row <= cells.getLastRow(); row++) {
			for (int column = cells.getFirstColumn(); column <= cells.getLastColumn(); column++) {
				byCell.putIfAbsent(key(row + 1L, column), address);
			}
		}
	}

	/**
	 * Whether a cell's text is itself an address ("https://…", "ftp://…"), which a link behind it does not replace;
	 * "Sale: 20 % off" and "C:\\pins\\a.jpg" are not.
	 */
	static boolean showsAddress(String shown) {
		int colon = shown.indexOf("://");
		if (colon < 2 || !Character.isLetter(shown.charAt(0))) {
			return false;
		}
		for (int i = 1; i < colon; i++) {
			char c = shown.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/** The address when it is an http or https one (what a pin's link or image can be), else null. */
	private static String webAddress(String target) {
		String address = target.strip();
		String lower = address.toLowerCase(Locale.ROOT);
		return lower.startsWith("https://") || lower.startsWith("http://") ? address : null;
	}

	private static long key(long row, int column) {
		return (row << 14) + column;
	}
}
