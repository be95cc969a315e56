package com.pinbatch.zernio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

/** Certificate failures as the JDK reports them, said as a user can act on them. */
class CertificateProblemsTests {

	@Test
	void anExpiredCertificateSendsTheUserToTheClockFirst() {
		SSLHandshakeException failure = new SSLHandshakeException("PKIX path validation failed");
		failure.initCause(new CertPathValidatorException("validity check failed",
				new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"), null, -1,
				CertPathValidatorException.BasicReason.EXPIRED));

		assertThat(ZernioClient.describe(failure)).startsWith("its https certificate has expired, or is not valid yet:"
				+ " check this machine's date and time");
	}

	@Test
	void aCertificateForAnotherNameNamesIt() {
		SSLHandshakeException failure = new SSLHandshakeException(
				"No subject alternative DNS name matching zernio.com found.");
		failure.initCause(new CertificateException("No subject alternative DNS name matching zernio.com found."));

		assertThat(ZernioClient.describe(failure)).isEqualTo("its https certificate is for another name (No subject"
				+ " alternative DNS name matching zernio.com found.): check the address, or a proxy on the way that"
				+ " answers in its place");
	}

	@Test
	void otherFailuresAreNoCertificateProblem() {
		assertThat(CertificateProblems.of(new ConnectException("Connection refused"))).isNull();
		assertThat(CertificateProblems.of(new IOException("Received fatal alert: handshake_failure"))).isNull();
	}
}
