package com.pinbatch.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The simulator's one JSON mapper and the small helpers every endpoint needs. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	// Zernio (a Node/Mongo service) writes timestamps like JavaScript's toISOString(): always milliseconds and Z.
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ObjectNode error(String message) {
		return object().put("error", message);
	}

	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}
}
