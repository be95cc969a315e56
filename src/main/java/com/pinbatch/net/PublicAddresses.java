package com.pinbatch.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which hosts pinbatch may ask on someone else's word: {@code --check-media} (a media URL comes from a spreadsheet
 * cell) and the upload of a local file (its URL comes from Zernio's answer). Without this rule such a URL could make
 * pinbatch request the machine itself, the office network or a cloud metadata service (169.254.169.254), and the
 * result file would tell which ports answer. Only public addresses are asked, checked after DNS (every address a
 * name resolves to); the media check also at every redirect, and it connects to the addresses checked, never to a
 * second answer of DNS.
 */
public final class PublicAddresses {

	private PublicAddresses() {
	}

	/** How names become addresses: the system's DNS, or a test's stand-in (DNS is not ours to run in a test). */
	@FunctionalInterface
	public interface Resolver {

		Resolver SYSTEM = InetAddress::getAllByName;

		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	/** True when the host resolves, and only to public addresses. */
	public static boolean allows(String host) {
		try {
			publicOnly(host, Resolver.SYSTEM);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Resolves the host and returns its addresses when every one is public. The caller connects to these very
	 * addresses: asking DNS again could give another answer (DNS rebinding: public when checked, private when
	 * connected).
	 *
	 * @throws UnknownHostException when the host does not resolve, or resolves to any non-public address (worded
	 *                              alike, so a result cannot map a network)
	 */
	public static InetAddress[] publicOnly(String host, Resolver resolver) throws UnknownHostException {
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (SecurityException ex) {
			throw new UnknownHostException(host);
		}
		if (addresses == null || addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw new UnknownHostException(host);
			}
		}
		return addresses.clone();
	}

	/** Whether the host is this machine: a loopback address, or a name that resolves to one; false if not told. */
	public static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException | SecurityException unresolved) {
			return false;
		}
	}

	/**
	 * Whether the host is known to be this machine or a private network: an address written so, or a name that
	 * resolves here to such an address. A name that does not resolve here is not known so (a proxy may resolve it).
	 */
	public static boolean knownPrivate(String host) {
		try {
			publicOnly(host, Resolver.SYSTEM);
			return false;
		}
		catch (UnknownHostException notPublic) {
			return resolves(host);
		}
	}

	private static boolean resolves(String host) {
		try {
			return Resolver.SYSTEM.resolve(host).length > 0;
		}
		catch (UnknownHostException | SecurityException unresolved) {
			return false;
		}
	}

	public static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress() || OwnAddresses.ALL.contains(address)) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicV4(bytes, 0);
		}
		if (address instanceof Inet6Address) {
			return isPublicV6(bytes);
		}
		return false;
	}

	private static boolean isPublicV4(byte[] b, int at) {
		int first = b[at] & 0xFF;
		int second = b[at + 1] & 0xFF;
		return !(first == 0 // "this network"
				|| first == 10 || first == 127 // private, loopback
				|| first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
				|| first == 169 && second == 254 // link-local, cloud metadata
				|| first == 172 && second >= 16 && second <= 31 // private
				|| first == 192 && second == 168 // private
				|| first == 192 && second == 0 && (b[at + 2] & 0xFF) == 0 // IETF protocol assignments
				|| first == 198 && (second == 18 || second == 19) // benchmarking
				|| first == 192 && second == 0 && (b[at + 2] & 0xFF) == 2 // documentation (TEST-NET-1)
				|| first == 198 && second == 51 && (b[at + 2] & 0xFF) == 100 // TEST-NET-2
				|| first == 203 && second == 0 && (b[at + 2] & 0xFF) == 113 // TEST-NET-3
				|| first >= 224); // multicast, reserved, broadcast
	}

	private static boolean isPublicV6(byte[] b) {
		int first = b[0] & 0xFF;
		if ((first & 0xFE) == 0xFC || first == 0xFF || first == 0xFE && (b[1] & 0xC0) == 0x80) {
			return false; // unique local, multicast, link-local
		}
		if (allZero(b, 0, 12)) {
			return false; // unspecified, loopback, IPv4-compatible
		}
		if (first == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8
				|| first == 0x3F && (b[1] & 0xF0) == 0xF0) {
			return false; // documentation (2001:db8::/32, 3fff::/20)
		}
		if (allZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
			return isPublicV4(b, 12); // IPv4-mapped
		}
		if (first == 0x20 && (b[1] & 0xFF) == 0x02) {
			return isPublicV4(b, 2); // 6to4 carries an IPv4 address
		}
		if (first == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
			return isPublicV4(b, 12); // NAT64
		}
		return true;
	}

	/**
	 * Whether a web page's image from this host is fetched from somewhere public, as the viewer's browser reads the
	 * host (no DNS here): an address written in any form a browser takes (0177.0.0.1 is 127.0.0.1 to it, an IPv6 in
	 * brackets), a name without a dot or a local one (localhost, .local, .internal) is not. A public name that the
	 * viewer's own DNS answers with a private address cannot be told here.
	 */
	public static boolean isPublicNameAsWritten(String host) {
		if (host == null || !ASCII_NAME.matcher(host).matches()) {
			return false; // a %-escape, a full-width digit, an IPv6 in brackets: a browser may read an address there
		}
		String name = host.toLowerCase(Locale.ROOT);
		name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
		String last = name.substring(name.lastIndexOf('.') + 1);
		return name.contains(".") && !NUMBER_LABEL.matcher(last).matches() && !LOCAL_NAMES.contains(last)
				&& !name.endsWith(".home.arpa") && !isAddressName(name);
	}

	private static boolean isAddressName(String name) {
		return ADDRESS_NAMES.stream().anyMatch(domain -> name.equals(domain) || name.endsWith("." + domain));
	}

	/**
	 * Public names whose DNS answers with the address written in them (127.0.0.1.nip.io) or with this machine
	 * (localtest.me): a report's thumbnail from one made its viewer's browser ask their own machine.
	 */
	private static final Set<String> ADDRESS_NAMES = Set.of("nip.io", "sslip.io", "xip.io", "localtest.me",
			"lvh.me", "vcap.me", "traefik.me", "localhost.direct");

	/** A host name as written in ASCII: letters, digits, dots and hyphens. */
	private static final Pattern ASCII_NAME = Pattern.compile("[A-Za-z0-9.-]+");

	/** The last label of a host that a browser reads as an address: digits, or 0x and hex digits. */
	private static final Pattern NUMBER_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");

	/** Top-level names of this machine or of a private network. */
	private static final Set<String> LOCAL_NAMES = Set.of("localhost", "local", "internal", "lan", "intranet",
			"localdomain", "home", "corp");

	/** This machine's own addresses, on every interface: a public one is still this machine. */
	private static final class OwnAddresses {

		static final Set<InetAddress> ALL = read();

		private static Set<InetAddress> read() {
			try {
				// an IPv6 address equals another of the same bytes whatever its scope
				return NetworkInterface.networkInterfaces()
					.flatMap(NetworkInterface::inetAddresses)
					.collect(Collectors.toUnmodifiableSet());
			}
			catch (SocketException | RuntimeException unreadable) {
				return Set.of();
			}
		}
	}

	private static boolean allZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}
}
