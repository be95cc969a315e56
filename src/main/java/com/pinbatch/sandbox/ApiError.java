package com.pinbatch.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/** An error answer, thrown from deep inside an endpoint and written by the dispatcher. */
final class ApiError extends RuntimeException {

	private final int status;
	private final ObjectNode body;
	private final Map<String, String> headers = new LinkedHashMap<>();

	ApiError(int status, ObjectNode body) {
		// no stack trace: these are answers, not failures of the simulator
		super(body.path("error").asString(""), null, false, false);
		this.status = status;
		this.body = body;
	}

	static ApiError badRequest(String message) {
		return new ApiError(400, Json.error(message));
	}

	static ApiError notFound(String message) {
		return new ApiError(404, Json.error(message));
	}

	ApiError withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}

	int status() {
		return status;
	}

	ObjectNode body() {
		return body;
	}

	Map<String, String> headers() {
		return headers;
	}
}
