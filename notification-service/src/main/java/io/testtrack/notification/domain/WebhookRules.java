package io.testtrack.notification.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Pure rules of outgoing webhooks: which URLs and addresses are allowed, the signature, the back-off. */
public final class WebhookRules {

    private WebhookRules() {
    }

    /** The URL's problem, if any: only absolute http(s) URLs with a host, no user info, at most 2,000 characters. */
    public static Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return Optional.of("is an http or https URL of at most 2,000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must use http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("names no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials; use the secret");
        }
        return Optional.empty();
    }

    /** What kind of address it is, for the allow rules. */
    public enum AddressKind {
        PUBLIC, LOOPBACK, INTERNAL
    }

    /**
     * Loopback; INTERNAL for private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
     * (169.254/16 with the cloud metadata address, fe80::/10), shared (100.64/10), unspecified,
     * multicast, and IPv4 addresses mapped into IPv6 of those; else PUBLIC.
     */
    public static AddressKind kind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return kind(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (java.net.UnknownHostException e) {
                    return AddressKind.INTERNAL;
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return AddressKind.INTERNAL;
            }
        }
        if (address.isLoopbackAddress()) {
            return AddressKind.LOOPBACK;
        }
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return AddressKind.INTERNAL;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || first >= 240) {
                return AddressKind.INTERNAL;
            }
        }
        return AddressKind.PUBLIC;
    }

    /** {@code sha256=<hex>} of HMAC-SHA256(secret, timestamp + "." + body), as receivers check it. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The pause after failed attempt {@code attempt} (1, 2, …): first × 2^(attempt-1), at most {@code longest}. */
    public static Duration pauseAfter(int attempt, Duration first, Duration longest) {
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        Duration pause = first.multipliedBy(1L << doublings);
        return pause.compareTo(longest) > 0 ? longest : pause;
    }
}
