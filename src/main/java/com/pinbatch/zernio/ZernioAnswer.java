package com.pinbatch.zernio;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.pinbatch.text.SafeText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * One HTTP answer from Zernio, read tolerantly: a proxy in front of Zernio may answer with HTML, and error bodies
 * come in several shapes ({@code {error}}, {@code {error, code, details}}, the full ErrorResponse).
 *
 * @param body the JSON body, or a missing node when the body is empty or not JSON
 */
record ZernioAnswer(int status, JsonNode body, RateLimitInfo rateLimit) {

	static ZernioAnswer read(HttpResponse<String> response, JsonMapper json, Instant now) {
		return new ZernioAnswer(response.statusCode(), parse(response.body(), json),
				RateLimitHeaders.parse(response.headers(), now));
	}

	/**
	 * The body with the key hidden in every text value before any part of it is kept: a server that echoes the key
	 * (in a post id, a pin URL) would otherwise have it written to the job repository and the result file. Values,
	 * not the body's text, so that a key written with JSON escapes is found too; the registered key only, not words
	 * that look like one: a post's content is compared with its row's.
	 */
	static JsonNode parse(String text, JsonMapper json) {
		if (text == null || text.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			JsonNode node = json.readTree(text);
			if (node == null) {
				return MissingNode.getInstance();
			}
			hideKey(node);
			return node;
		}
		catch (JacksonException notJson) {
			return MissingNode.getInstance();
		}
	}

	private static void hideKey(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				object.set(name, withoutKey(object.get(name)));
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, withoutKey(array.get(i)));
			}
		}
	}

	/** A text value with the key hidden; any other value with the key hidden inside it. */
	private static JsonNode withoutKey(JsonNode value) {
		if (!value.isString()) {
			hideKey(value);
			return value;
		}
		String safe = SafeText.withoutKey(value.stringValue());
		return safe.equals(value.stringValue()) ? value : StringNode.valueOf(safe);
	}

	boolean success() {
		return status >= 200 && status < 300;
	}

	/** A 429 while the key's request window had room: an account's posting limit or cool-down, not the key's. */
	boolean accountLimited() {
		return status == 429 && rateLimit.roomLeft();
	}

	/** Zernio's human message, or a description of the answer when it has none. */
	String errorMessage() {
		JsonNode error = body.path("error");
		String message = text(error);
		if (message == null) {
			// the full ErrorResponse keeps the text in "error"; some gateways nest it as {error:{message}}
			message = text(error.path("message"));
		}
		if (message == null) {
			message = text(body.path("message"));
		}
		if (message == null || message.isBlank()) {
			return body.isContainer() ? "HTTP " + status + " without an error message"
					: "HTTP " + status + " without a JSON body (perhaps from a proxy in front of Zernio)";
		}
		return SafeText.withoutSecrets(oneLine(message)); // a gateway may quote the key it was given
	}

	/** Zernio's stable machine code ({@code ACCOUNT_DISCONNECTED}, ...), often absent; a gateway's may be anything. */
	String code() {
		return SafeText.withoutSecrets(text(body.path("code")));
	}

	/** A string or number as text; null for anything else, so callers never see "null" or "{...}". */
	static String text(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber() || node.isBoolean()) {
			return node.asString();
		}
		return null;
	}

	/** The {@code _id} of a post object. */
	static String postId(JsonNode post) {
		String id = text(post.path("_id"));
		return id != null ? id : text(post.path("id"));
	}

	private static String oneLine(String text) {
		String flat = text.replaceAll("\\s+", " ").trim();
		return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
	}
}
