package com.pinbatch.zernio;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * What a refused https certificate means for the user, in place of the JDK's words ("PKIX path building failed:
 * sun.security.provider.certpath.SunCertPathBuilderException ..."). On a company network the usual cause is a proxy
 * or firewall that inspects https and signs with the company's own authority, which Java's trust store lacks.
 */
public final class CertificateProblems {

	private CertificateProblems() {
	}

	/** The sentence for a failed connection whose causes hold a certificate problem, or null. */
	public static String of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String problem = describe(cause);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	/** The sentence for one cause of a failed connection, or null when it is no certificate problem. */
	static String describe(Throwable cause) {
		if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException
				|| cause instanceof CertPathValidatorException invalid
						&& invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
			return "its https certificate has expired, or is not valid yet: check this machine's date and time; if"
					+ " they are right, the certificate on the way is at fault (a company proxy's, say)";
		}
		if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
			return "its https certificate is signed by no authority this Java trusts; on a company network, most"
					+ " often a proxy or firewall that inspects https with the company's own certificate: add that"
					+ " certificate to Java's trust store (keytool -importcert -cacerts -alias company -file"
					+ " company-root.crt), or give Java the company's (-Djavax.net.ssl.trustStore=FILE in"
					+ " JAVA_TOOL_OPTIONS)";
		}
		String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
		if (message.startsWith("no subject alternative") || message.startsWith("no name matching")) {
			return "its https certificate is for another name (" + cause.getMessage() + "): check the address, or"
					+ " a proxy on the way that answers in its place";
		}
		return null;
	}
}
