package com.pinbatch.input;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * What xl/workbook.xml says about a workbook: its sheets in tab order (with visibility, which POI's sheet
 * iterator does not expose) and whether dates count from 1904.
 */
record XlsxWorkbookInfo(List<Sheet> sheets, boolean date1904) {

	/** One sheet tab: its name, the relationship id of its XML part, and whether a person can see it. */
	record Sheet(String name, String relationId, boolean visible) {
	}

	static XlsxWorkbookInfo read(InputStream workbookXml) throws XMLStreamException {
		List<Sheet> sheets = new ArrayList<>();
		boolean date1904 = false;
		XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
		try {
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String element = xml.getLocalName();
				if ("workbookPr".equals(element)) {
					date1904 = isTrue(xml.getAttributeValue(null, "date1904"));
				}
				else if ("sheet".equals(element)) {
					String state = xml.getAttributeValue(null, "state");
					sheets.add(new Sheet(xml.getAttributeValue(null, "name"), relationId(xml),
							state == null || "visible".equals(state)));
				}
			}
		}
		finally {
			xml.close();
		}
		return new XlsxWorkbookInfo(List.copyOf(sheets), date1904);
	}

	/**
	 * The sheet the user asked for: by exact name, then ignoring case; without a name, the first visible one.
	 *
	 * @throws InputFileException naming the sheets that exist when there is no such sheet
	 */
	Sheet choose(String wanted, Path file) {
		if (sheets.isEmpty()) {
			throw new InputFileException(file + ": the workbook has no sheets; add a sheet whose first row is the"
					+ " column headers");
		}
		if (wanted == null) {
			return sheets.stream()
				.filter(Sheet::visible)
				.findFirst()
				.orElseThrow(() -> new InputFileException(file + ": every sheet is hidden (" + sheetNames()
						+ "); unhide the one to read or choose it with --sheet=NAME"));
		}
		for (Sheet sheet : sheets) {
			if (sheet.name().equals(wanted)) {
				return sheet;
			}
		}
		for (Sheet sheet : sheets) {
			if (sheet.name().equalsIgnoreCase(wanted)) {
				return sheet;
			}
		}
		throw new InputFileException(file + ": no sheet named '" + wanted + "'; sheets are: " + sheetNames());
	}

	private String sheetNames() {
		return sheets.stream().map(sheet -> "'" + sheet.name() + "'").collect(Collectors.joining(", "));
	}

	/** r:id, whatever prefix the file binds to the relationships namespace (transitional or strict). */
	private static String relationId(XMLStreamReader xml) {
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			String namespace = xml.getAttributeNamespace(i);
			if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && namespace.endsWith("relationships")) {
				return xml.getAttributeValue(i);
			}
		}
		return null;
	}

	private static boolean isTrue(String value) {
		return "1".equals(value) || "true".equalsIgnoreCase(value);
	}
}
