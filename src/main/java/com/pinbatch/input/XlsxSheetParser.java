package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * Pulls the rows of one sheet's XML one at a time (StAX), so memory stays the same whatever the number of rows,
 * and no parser thread is needed to turn SAX's push into the pull a {@link RowSource} offers.
 */
final class XlsxSheetParser implements AutoCloseable {

	/** Column XFD, the last one Excel has; also keeps a forged reference from allocating a huge row. */
	private static final int MAX_COLUMN = 16_383;

	private final InputStream sheetXml;

	private final XMLStreamReader xml;

	private final XlsxCellText cellText;

	private final XlsxSheetLinks links;

	private long lastRowNumber;

	/** The columns the sheet hides (0-based), as its {@code <cols>} before the rows says. */
	private final Set<Integer> hiddenColumns = new TreeSet<>();

	private boolean finished;

	/**
	 * The text of each shared formula by its index: a column filled down with one formula is saved once, in its
	 * first cell, and the others name it. Bounded, for a forged sheet.
	 */
	private final Map<String, String> sharedFormulas = new HashMap<>();

	/** Shared formulas kept at the most. */
	private static final int MAX_SHARED_FORMULAS = 10_000;

	XlsxSheetParser(InputStream sheetXml, XlsxCellText cellText, XlsxSheetLinks links) throws XMLStreamException {
		this.sheetXml = sheetXml;
		this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetXml);
		this.cellText = cellText;
		this.links = links;
	}

	/** The row number of the last row read (0 before the first). */
	long lastRowNumber() {
		return lastRowNumber;
	}

	/** The next stored row, or null after the last one. */
	XlsxSheetRow nextRow() throws XMLStreamException {
		while (!finished && xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
				return readRow();
			}
			if (event == XMLStreamConstants.START_ELEMENT && "col".equals(xml.getLocalName())) {
				readColumns();
			}
			if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
				finished = true; // what follows (formatting, merged cells: XlsxMergedCells) is not rows
			}
		}
		finished = true;
		return null;
	}

	/** The columns the sheet hides, 0-based, in order (known once the first row was read). */
	Set<Integer> hiddenColumns() {
		return Collections.unmodifiableSet(hiddenColumns);
	}

	private void readColumns() {
		String hidden = xml.getAttributeValue(null, "hidden");
		if (!"1".equals(hidden) && !"true".equals(hidden)) {
			return;
		}
		try {
			int min = Integer.parseInt(xml.getAttributeValue(null, "min").trim());
			int max = Math.min(Integer.parseInt(xml.getAttributeValue(null, "max").trim()), MAX_COLUMN + 1);
			for (int column = min; column <= max; column++) {
				hiddenColumns.add(column - 1);
			}
		}
		catch (NumberFormatException | NullPointerException unreadable) {
			// a column range it cannot read hides nothing it could name
		}
	}

	private XlsxSheetRow readRow() throws XMLStreamException {
		String r = xml.getAttributeValue(null, "r");
		// r is optional: without it a row follows the previous one
		long number = r != null ? Long.parseLong(r.trim()) : lastRowNumber + 1;
		String hidden = xml.getAttributeValue(null, "hidden");
		List<String> cells = new ArrayList<>();
		Set<Integer> numericCells = new HashSet<>();
		Map<Integer, String> rowLinks = new HashMap<>();
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
				readCell(number, cells, numericCells, rowLinks);
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
				break;
			}
		}
		lastRowNumber = number;
		return new XlsxSheetRow(number, cells, numericCells, "1".equals(hidden) || "true".equals(hidden),
				rowLinks.isEmpty() ? Map.of() : rowLinks);
	}

	private void readCell(long row, List<String> cells, Set<Integer> numericCells, Map<Integer, String> rowLinks)
			throws XMLStreamException {
		String reference = xml.getAttributeValue(null, "r");
		String type = xml.getAttributeValue(null, "t");
		String style = xml.getAttributeValue(null, "s");
		// value metadata: Excel 365 saves a picture placed in a cell as an error value with a rich value beside it
		boolean richValue = xml.getAttributeValue(null, "vm") != null;
		String value = null;
		String inlineText = null;
		boolean formula = false;
		String formulaLink = null;
		String formulaImage = null;
		boolean linkPutTogether = false;
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String element = xml.getLocalName();
				if ("v".equals(element)) {
					value = xml.getElementText();
				}
				else if ("f".equals(element)) {
					formula = true;
					String written = sharedFormula(xml.getAttributeValue(null, "t"),
							xml.getAttributeValue(null, "si"), formulaText());
					formulaLink = XlsxSheetLinks.ofFormula(written);
					formulaImage = XlsxSheetLinks.imageOfFormula(written);
					linkPutTogether = formulaLink == null && XlsxSheetLinks.putTogether(written);
				}
				else if ("is".equals(element)) {
					inlineText = XlsxRichText.read(xml, "is");
				}
				else {
					skipElement();
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
		}
		// sparse rows: a missing cell is empty, so the column comes from the reference when there is one
		int column = reference != null ? columnIndex(reference) : cells.size();
		if (column < 0 || column > MAX_COLUMN) {
			throw new XMLStreamException("cell reference '" + reference + "' is not a cell of a sheet");
		}
		while (cells.size() < column) {
			cells.add("");
		}
		String text;
		if (formulaImage != null) {
			text = formulaImage;
		}
		else if (formula && inlineText == null && (value == null || value.isEmpty() && !holdsText(type))) {
			// no value, or an empty one where only a number could be (openpyxl writes <v/>): not calculated
			text = InputRow.NOT_CALCULATED;
		}
		else if (richValue && "e".equals(type)) {
			text = InputRow.PICTURE_IN_CELL;
		}
		else {
			text = cellText.text(type, style, value, inlineText);
		}
		if (column < cells.size()) {
			cells.set(column, text);
		}
		else {
			cells.add(text);
		}
		if (cellText.isNumber(type, style, value)) {
			numericCells.add(column);
		}
		String link = formulaLink != null ? formulaLink : links.at(row, column);
		if (link == null && linkPutTogether) {
			link = InputRow.LINK_PUT_TOGETHER; // a web-address column reads this for its shown text
		}
		if (link != null) {
			rowLinks.put(column, link);
		}
	}

	/** A cell type whose value is text, which may be empty: a formula's empty result ({@code =IF(A2="","",A2)}). */
	private static boolean holdsText(String type) {
		return "str".equals(type) || "s".equals(type) || "inlineStr".equals(type);
	}

	/**
	 * A formula's text, a shared one's from the cell that holds it (the others hold none): a link formula filled down
	 * a column was read in its first cell only.
	 */
	private String sharedFormula(String type, String index, String written) {
		if (!"shared".equals(type) || index == null) {
			return written;
		}
		if (!written.isBlank()) {
			if (sharedFormulas.size() < MAX_SHARED_FORMULAS) {
				sharedFormulas.put(index, written);
			}
			return written;
		}
		return sharedFormulas.getOrDefault(index, written);
	}

	/**
	 * The text of the formula element just started; an element inside it (none in a sound file) is passed over
	 * rather than failing the sheet, as the formula was before its text was read.
	 */
	private String formulaText() throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		readThrough(text);
		return text.toString();
	}

	/** Skips the element just started (rich-text properties, a phonetic run ...) with everything inside it. */
	private void skipElement() throws XMLStreamException {
		readThrough(null);
	}

	/** Reads to the end of the element just started, keeping its own text (not its children's) when asked to. */
	private void readThrough(StringBuilder text) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			else if (text != null && depth == 1
					&& (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
				text.append(xml.getText());
			}
		}
	}

	/** "A1" -> 0, "AB12" -> 27: the column letters of a cell reference. */
	static int columnIndex(String reference) {
		int column = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = Character.toUpperCase(reference.charAt(i));
			if (c < 'A' || c > 'Z') {
				break;
			}
			column = column * 26 + (c - 'A' + 1);
		}
		return column - 1;
	}

	@Override
	public void close() {
		try {
			xml.close();
		}
		catch (XMLStreamException ex) {
			// closing a reader that failed: nothing more to learn
		}
		try {
			sheetXml.close();
		}
		catch (IOException ex) {
			// read-only stream
		}
	}
}
