package com.pinbatch.job;

/**
 * Where the steps get the live connection to Zernio: built from configuration by a singleton, never passed through
 * the job repository (it holds the API key and the HTTP client).
 */
public interface ApiSessionSource {

	/** The built-in sandbox on loopback. */
	String SANDBOX = "sandbox";

	/** Zernio, with the configured key. */
	String ZERNIO = "zernio";

	/** No connection: a dry run without a key (boards stay unresolved). */
	String NONE = "none";

	/** The session for a job's target; null for {@link #NONE}. */
	ApiSession session(String target);
}
