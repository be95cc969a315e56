package com.pinbatch.zernio;

/**
 * The https certificate on the way to Zernio was refused (not trusted, expired, for another name): asking again
 * changes nothing until the user fixes the trust store, the clock or the address, so the run stops at once.
 */
public class CertificateRefusedException extends ZernioApiException {

	public CertificateRefusedException(String message, Throwable cause) {
		super(message, cause);
	}
}
