package com.pinbatch.result;

import com.pinbatch.pin.PinIdentity;

/**
 * How a sent row's pin is found again by later runs: its {@link PinIdentity}, where it went (Zernio, or the sandbox,
 * whose pins are not Zernio's), and its identity without its time ({@link PinIdentity#content}; null: not kept).
 */
public record PinKey(String identity, String target, String content) {

	public PinKey(String identity, String target) {
		this(identity, target, null);
	}

	/** The first 64 bits of the identity, as a set of the pins on Zernio holds them. */
	public long prefix() {
		return PinIdentity.prefix(identity);
	}
}
