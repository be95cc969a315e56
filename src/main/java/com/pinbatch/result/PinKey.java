package com.pinbatch.result;

import com.pinbatch.pin.PinIdentity;

/**
 * How a sent row's pin is found again by later runs: its {@link PinIdentity} and where it went (Zernio, or the
 * sandbox, whose pins are not Zernio's).
 */
public record PinKey(String identity, String target) {

	/** The first 64 bits of the identity, as a set of the pins on Zernio holds them. */
	public long prefix() {
		return PinIdentity.prefix(identity);
	}
}
