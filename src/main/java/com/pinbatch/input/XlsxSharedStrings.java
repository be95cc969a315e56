package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The workbook's shared-strings table as plain strings. Like POI's ReadOnlySharedStringsTable it must hold every
 * string in memory (cells refer to them by index, in any order), but it hands them out as they are: POI's table
 * wraps each lookup in a new rich-text XML object, which cost half the reading time of a large sheet.
 */
final class XlsxSharedStrings {

	private final List<String> strings;

	private XlsxSharedStrings(List<String> strings) {
		this.strings = strings;
	}

	/** @throws InputFileException when the table holds more than the limits allow */
	static XlsxSharedStrings read(OPCPackage workbook, Path file, XlsxLimits limits)
			throws IOException, XMLStreamException {
		List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			// a workbook with inline strings only (as SXSSF writes them) has no table
			return new XlsxSharedStrings(List.of());
		}
		try (InputStream in = parts.get(0).getInputStream()) {
			return new XlsxSharedStrings(readStrings(in, file, limits));
		}
	}

	/** The string at a cell's index. */
	String get(int index) {
		if (index < 0 || index >= strings.size()) {
			throw new IllegalArgumentException("shared string " + index + " does not exist");
		}
		return strings.get(index);
	}

	private static List<String> readStrings(InputStream in, Path file, XlsxLimits limits)
			throws XMLStreamException {
		XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
		try {
			List<String> strings = new ArrayList<>();
			long characters = 0;
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String element = xml.getLocalName();
				if ("sst".equals(element)) {
					String uniqueCount = xml.getAttributeValue(null, "uniqueCount");
					if (uniqueCount != null) {
						strings = new ArrayList<>(Math.min(Integer.parseInt(uniqueCount), 1 << 16));
					}
				}
				else if ("si".equals(element)) {
					String text = XlsxRichText.read(xml, "si");
					characters += text.length();
					if (strings.size() >= limits.maxSharedStrings() || characters > limits.maxSharedCharacters()) {
						throw tooLarge(file, limits);
					}
					strings.add(text);
				}
			}
			return strings;
		}
		finally {
			xml.close();
		}
	}

	private static InputFileException tooLarge(Path file, XlsxLimits limits) {
		return new InputFileException(file + ": the workbook's shared-strings table holds more than "
				+ limits.maxSharedStrings() + " strings or " + limits.maxSharedCharacters() + " characters, more than"
				+ " a pin sheet needs, so it was not read; export the sheet as CSV UTF-8, or raise"
				+ " pinbatch.xlsx.max-shared-strings / pinbatch.xlsx.max-shared-characters");
	}
}
