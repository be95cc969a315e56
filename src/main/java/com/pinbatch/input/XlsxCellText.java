package com.pinbatch.input;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.pinbatch.text.Formats;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Turns a stored cell into the text a person sees in the spreadsheet: the shared or inline string, a number
 * without a spurious ".0" (or with the leading zeros a format such as "00000" shows: an id or SKU kept that way
 * in a number column; or as its format shows it: "25%", "$12.50", "1,234"), a date cell as an ISO date-time, a
 * formula as its cached value.
 */
final class XlsxCellText {

	/** Excel keeps (and shows) 15 significant digits; the XML may hold 17, e.g. 0.30000000000000004. */
	private static final MathContext EXCEL_PRECISION = new MathContext(15);

	private final XlsxSharedStrings sharedStrings;

	private final StylesTable styles;

	private final boolean date1904;

	/** How each cell style shows a number; there are few styles, and telling needs the format parsed. */
	private final Map<Integer, NumberShape> shapes = new HashMap<>();

	/** A number format that only pads with zeros, as Excel's "Special > Zip Code" or a custom "000000". */
	private static final Pattern ZERO_PADDED = Pattern.compile("0{2,}");

	/**
	 * Formats that show a number as it is stored (General, "0", text): read by {@link #numberText}, which keeps
	 * every digit of a long id where Excel's General would show 9.18274E+17.
	 */
	private static final Pattern SHOWN_AS_STORED = Pattern.compile("(?i)general|0|@");

	private static final Pattern SPACES = Pattern.compile(" {2,}");

	/**
	 * Shows numbers as their format does. The file does not say which decimal separator its reader's machine uses, so
	 * one fixed locale gives the same text on every machine (a format's own locale tag, [$€-407], still counts).
	 */
	private final DataFormatter formatter = new DataFormatter(Locale.US);

	/**
	 * How a style shows a number.
	 *
	 * @param date      a date or time
	 * @param showsTime a date whose format shows a time of day, so that midnight reads as 00:00, not as a date alone
	 * @param padding   the digits a whole number is padded to with zeros ("00000": 5), 0 for none
	 * @param formatted shown by its format ("0%", "$#,##0.00"), not as stored
	 */
	private record NumberShape(boolean date, boolean showsTime, int padding, boolean formatted) {

		static final NumberShape AS_STORED = new NumberShape(false, false, 0, false);
	}

	XlsxCellText(XlsxSharedStrings sharedStrings, StylesTable styles, boolean date1904) {
		this.sharedStrings = sharedStrings;
		this.styles = styles;
		this.date1904 = date1904;
	}

	/**
	 * @param type       the cell's {@code t} attribute (null means number)
	 * @param style      the cell's {@code s} attribute, or null
	 * @param value      the text of its {@code v} element (a formula's cached value), or null
	 * @param inlineText the text of its {@code is} element, or null
	 */
	String text(String type, String style, String value, String inlineText) {
		if ("inlineStr".equals(type)) {
			return inlineText != null ? inlineText : nullToEmpty(value);
		}
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (type == null || "n".equals(type)) {
			NumberShape shape = shape(style);
			if (shape.date()) {
				return dateText(value, shape.showsTime());
			}
			return shape.formatted() ? formattedText(value, style) : paddedText(numberText(value), shape.padding());
		}
		switch (type) {
			case "s":
				return sharedString(value);
			case "b":
				return "1".equals(value.trim()) ? "TRUE" : "FALSE";
			default:
				// "str" (a formula's text result), "e" (an error such as #N/A), "d" (an ISO 8601 date)
				return value;
		}
	}

	/**
	 * Whether the cell holds a plain number (not a date, nor a number shown zero-padded, which reads as the text it
	 * shows): such ids may have lost digits, or leading zeros.
	 */
	boolean isNumber(String type, String style, String value) {
		if (!(type == null || "n".equals(type)) || value == null || value.isEmpty()) {
			return false;
		}
		NumberShape shape = shape(style);
		return !shape.date() && shape.padding() == 0;
	}

	private String sharedString(String index) {
		return sharedStrings.get(Integer.parseInt(index.trim()));
	}

	static String numberText(String value) {
		if (isPlainInteger(value) && value.length() <= 15) {
			return value;
		}
		BigDecimal number = new BigDecimal(value.trim()).round(EXCEL_PRECISION).stripTrailingZeros();
		return number.signum() == 0 ? "0" : number.toPlainString();
	}

	private String dateText(String value, boolean showsTime) {
		double serial = Double.parseDouble(value);
		if (!DateUtil.isValidExcelDate(serial)) {
			return numberText(value);
		}
		LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, date1904, true);
		if (serial < 1) {
			// a time of day with no date (format h:mm)
			return timeText(dateTime.toLocalTime());
		}
		if (!showsTime) {
			// what the sheet shows, as its CSV export writes it: a time its format hides (a formula's =NOW()+7) is
			// not sent, the date takes the default time of day (before: sent at that hidden time)
			return dateTime.toLocalDate().toString();
		}
		return dateTime.toLocalDate() + "T" + timeText(dateTime.toLocalTime());
	}

	private static String timeText(LocalTime time) {
		String hoursMinutes = Formats.plain("%02d:%02d", time.getHour(), time.getMinute());
		return time.getSecond() == 0 ? hoursMinutes : hoursMinutes + Formats.plain(":%02d", time.getSecond());
	}

	/** The whole number with the zeros its format shows in front; any other number as it is. */
	private static String paddedText(String number, int digits) {
		if (digits == 0 || !isPlainInteger(number) || number.startsWith("-") || number.length() >= digits) {
			return number;
		}
		return "0".repeat(digits - number.length()) + number;
	}

	private NumberShape shape(String style) {
		if (style == null || styles == null) {
			return NumberShape.AS_STORED;
		}
		return shapes.computeIfAbsent(Integer.valueOf(style.trim()), this::shapeOf);
	}

	private NumberShape shapeOf(int styleIndex) {
		if (styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
			return NumberShape.AS_STORED;
		}
		XSSFCellStyle style = styles.getStyleAt(styleIndex);
		int format = style.getDataFormat();
		String pattern = style.getDataFormatString();
		if (DateUtil.isInternalDateFormat(format) || (pattern != null && DateUtil.isADateFormat(format, pattern))) {
			return new NumberShape(true, showsTimeOfDay(pattern), 0, false);
		}
		if (pattern == null || SHOWN_AS_STORED.matcher(pattern.trim()).matches()) {
			return NumberShape.AS_STORED;
		}
		return ZERO_PADDED.matcher(pattern).matches() ? new NumberShape(false, false, pattern.length(), false)
				: new NumberShape(false, false, 0, true);
	}

	/** Text in quotes, an escaped character, a [$-409] locale or [Red] colour: none of them shows a part of a time. */
	private static final Pattern NOT_A_TIME_PART = Pattern.compile("\"[^\"]*\"|\\\\.|\\[(?![hms]+\\])[^\\]]*\\]");

	/** Whether a date format shows hours (h, [h]) or AM/PM: then a time of 00:00 is one the sheet shows. */
	static boolean showsTimeOfDay(String pattern) {
		if (pattern == null) {
			return false;
		}
		String parts = NOT_A_TIME_PART.matcher(pattern).replaceAll("").toLowerCase(Locale.ROOT);
		return parts.indexOf('h') >= 0 || parts.contains("am/pm") || parts.contains("a/p");
	}

	private String formattedText(String value, String style) {
		XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style.trim()));
		String shown = formatter.formatRawCellContents(Double.parseDouble(value), cellStyle.getDataFormat(),
				cellStyle.getDataFormatString());
		// an accounting format pads to the cell's width ("$   (5.50)"): a person reads one space
		return SPACES.matcher(shown.strip()).replaceAll(" ");
	}

	private static boolean isPlainInteger(String value) {
		int start = value.startsWith("-") ? 1 : 0;
		if (value.length() == start) {
			return false;
		}
		for (int i = start; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
