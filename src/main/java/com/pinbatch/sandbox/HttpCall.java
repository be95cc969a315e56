package com.pinbatch.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** One exchange as the endpoints see it: request accessors, and exactly one way to answer. */
final class HttpCall {

	private final HttpExchange exchange;
	private final Consumer<HttpCall> beforeAnswer;
	private final Map<String, String> query;
	private String body;
	private int status = -1;

	/**
	 * @param beforeAnswer runs once the status is known and before the client can see the answer, so whatever it
	 *                     records is in place by the time the client acts on the answer
	 */
	HttpCall(HttpExchange exchange, Consumer<HttpCall> beforeAnswer) {
		this.exchange = exchange;
		this.beforeAnswer = beforeAnswer;
		this.query = parseQuery(exchange.getRequestURI().getRawQuery());
	}

	String method() {
		return exchange.getRequestMethod();
	}

	String path() {
		return exchange.getRequestURI().getPath();
	}

	String rawQuery() {
		return exchange.getRequestURI().getRawQuery();
	}

	/** First value of a query parameter, or null. */
	String query(String name) {
		return query.get(name);
	}

	/** A query parameter's value, or null when it is absent or empty (Zernio treats both alike). */
	String queryText(String name) {
		String text = query(name);
		return text == null || text.isEmpty() ? null : text;
	}

	/** A whole-number query parameter from {@code min} to {@code max}; {@code fallback} when absent; else a 400. */
	int queryNumber(String name, int fallback, int min, int max) {
		String text = queryText(name);
		if (text == null) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiError.badRequest("Invalid " + name + " '" + text + "': use a whole number from " + min
				+ (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
	}

	String header(String name) {
		return exchange.getRequestHeaders().getFirst(name);
	}

	Map<String, String> headers() {
		Map<String, String> lowerCased = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach(
				(name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
		return Collections.unmodifiableMap(lowerCased);
	}

	InputStream bodyStream() {
		return exchange.getRequestBody();
	}

	/** The request body as UTF-8 text, read once. */
	String body() {
		if (body == null) {
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return body;
	}

	/** The body if it was read as text, else null (uploads are streamed, not kept). */
	String bodyIfRead() {
		return body;
	}

	JsonNode jsonBody() {
		String text = body();
		if (text.isBlank()) {
			throw ApiError.badRequest("Request body must be a JSON object.");
		}
		try {
			return Json.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			throw ApiError.badRequest("Invalid JSON in request body.");
		}
	}

	void setHeader(String name, String value) {
		exchange.getResponseHeaders().set(name, value);
	}

	void respond(int status, JsonNode json) {
		respondStalling(status, json, null);
	}

	/**
	 * Sends the headers and the first half of the answer, then nothing more for {@code stall} (or until the sandbox
	 * stops), then closes the connection: an answer stuck on its way, as a lost connection or a proxy leaves it. A
	 * null {@code stall} sends the whole answer.
	 */
	void respondStalling(int status, JsonNode json, Duration stall) {
		byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
		setHeader("Content-Type", "application/json; charset=utf-8");
		send(status, bytes, stall);
	}

	void respondEmpty(int status) {
		send(status, null, null);
	}

	/** Ends the exchange without any HTTP answer: the client sees the connection close. */
	void drop() {
		status = 0;
		beforeAnswer.accept(this);
		exchange.close();
	}

	boolean answered() {
		return status >= 0;
	}

	/** The status sent, 0 for a dropped connection, -1 while unanswered. */
	int status() {
		return status;
	}

	void close() {
		exchange.close();
	}

	/** @param stall null: the whole answer; else how long it stops after half of it */
	private void send(int status, byte[] bytes, Duration stall) {
		this.status = status;
		beforeAnswer.accept(this);
		try {
			if (bytes == null || bytes.length == 0) {
				exchange.sendResponseHeaders(status, -1);
			}
			else {
				exchange.sendResponseHeaders(status, bytes.length);
				OutputStream body = exchange.getResponseBody();
				body.write(bytes, 0, stall == null ? bytes.length : bytes.length / 2);
				if (stall != null) {
					body.flush();
					Thread.sleep(stall.toMillis());
				}
			}
		}
		catch (IOException ex) {
			// the client went away; nothing left to tell it
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	private static Map<String, String> parseQuery(String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return params;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
			params.putIfAbsent(name, value);
		}
		return params;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text; // a stray '%': keep it as typed, like a lenient web server
		}
	}

	static List<String> segments(String path) {
		return List.of(path.replaceAll("^/+|/+$", "").split("/+"));
	}
}
