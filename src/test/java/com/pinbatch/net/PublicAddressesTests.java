package com.pinbatch.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

class PublicAddressesTests {

	@Test
	void onlyPublicAddressesMayBeAsked() throws UnknownHostException {
		List<String> notPublic = List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
				"192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
				"198.18.0.1", "192.0.0.8", "::1", "::", "fe80::1", "fd00::1", "fc00::1", "ff02::1",
				"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "2002:7f00:0001::1", "64:ff9b::a9fe:a9fe",
				"192.0.2.2", "198.51.100.7", "203.0.113.9", "2001:db8::1", "3fff::1"); // documentation ranges
		List<String> publicOnes = List.of("8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1",
				"2606:4700:4700::1111", "2002:0808:0808::1", "64:ff9b::808:808");

		for (String address : notPublic) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		for (String address : publicOnes) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
		}
	}

	@Test
	void thisMachinesOwnAddressesAreNotPublicWhateverTheirRange() throws SocketException {
		// a public address of this machine's is still this machine (before: --check-media connected to it)
		List<InetAddress> own = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
			.filter(address -> !(address instanceof Inet6Address v6) || v6.getScopeId() == 0)
			.toList();

		assertThat(own).isNotEmpty().allSatisfy(address -> assertThat(PublicAddresses.isPublic(address)).isFalse());
	}

	@Test
	void aThumbnailsHostIsJudgedAsABrowserReadsItWithoutDns() {
		// addresses in any form a browser takes (0177.0.0.1 is 127.0.0.1 to it), local names, names without a dot
		assertThat(List.of("169.254.169.254", "0177.0.0.1", "0x7f.1", "2130706433", "[::1]", "localhost",
				"printer.local", "router.home.arpa", "intranet", "a.localhost.", "8.8.8.8", "192.168.1.%31",
				"127.0.0.\uFF11", "127.0.0.1%2e", "10.0.0.1\t", "127.0.0.1.nip.io", "10-0-0-1.sslip.io", "localtest.me",
				"shop.lvh.me."))
			.allSatisfy(host -> assertThat(PublicAddresses.isPublicNameAsWritten(host)).as(host).isFalse());
		assertThat(List.of("images.example.com", "cdn.shop.example.", "i.pinimg.com", "snip.io.example.com"))
			.allSatisfy(host -> assertThat(PublicAddresses.isPublicNameAsWritten(host)).as(host).isTrue());
	}

	@Test
	void aNameIsJudgedByWhatItResolvesTo() {
		assertThat(PublicAddresses.allows("localhost")).isFalse();
		assertThat(PublicAddresses.allows("name-that-does-not-exist.invalid")).isFalse();
	}

	/** An upload URL's host: refused when known private here; a name this machine cannot resolve is the proxy's. */
	@Test
	void aHostIsKnownPrivateOnlyWhenItIsWrittenOrResolvesSoHere() {
		assertThat(PublicAddresses.knownPrivate("10.0.0.5")).isTrue();
		assertThat(PublicAddresses.knownPrivate("169.254.169.254")).isTrue();
		assertThat(PublicAddresses.knownPrivate("localhost")).isTrue();
		assertThat(PublicAddresses.knownPrivate("8.8.8.8")).isFalse();
		assertThat(PublicAddresses.knownPrivate("no-such-host.invalid")).isFalse();
	}
}
