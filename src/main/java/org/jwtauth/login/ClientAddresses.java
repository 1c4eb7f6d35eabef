package org.jwtauth.login;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key the throttle counts a client address by. An IPv6 host is usually given a whole /64 (RFC 6177,
 * RFC 7421) and picks any address in it at will, so counting single IPv6 addresses would give one host 2^64
 * fresh budgets; its /64 is counted instead. IPv4 addresses (also IPv4-mapped IPv6 ones) count one by one.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String throttleKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        String literal = remoteAddress;
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            return remoteAddress;
        }
        try {
            // A literal of hex digits, colons and dots: parsed without any name lookup.
            InetAddress address = InetAddress.getByName(literal);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] b = address.getAddress();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
