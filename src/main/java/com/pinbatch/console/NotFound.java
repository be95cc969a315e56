package com.pinbatch.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An upload or run that does not exist or is someone else's: the same answer for both. */
final class NotFound {

	private NotFound() {
	}

	static ResponseStatusException page() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such upload or run");
	}
}
