package com.pinbatch.zernio;

/** Zernio answered 401: nothing else can work until the user fixes the key, so the run stops. */
public class ApiKeyRejectedException extends ZernioApiException {

	public ApiKeyRejectedException() {
		super(401, "Zernio rejected the API key (401): check ZERNIO_API_KEY");
	}
}
