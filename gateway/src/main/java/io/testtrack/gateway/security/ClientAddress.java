package io.testtrack.gateway.security;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.testtrack.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The address a request comes from, as the per-address rate limits and the services see it. The
 * peer of the connection, unless the peer is a trusted proxy: then X-Forwarded-For is read from
 * the right, past every trusted proxy, to the first hop that is not one. A proxy appends the
 * address it was reached from, so everything left of that hop was written by the client and
 * could be anything; taking the leftmost value would let a client choose the address its
 * requests are counted under.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<IpSubnetFilterRule> trusted;

    public ClientAddress(GatewayConfig config) {
        this.trusted = config.trustedProxies().stream().map(ClientAddress::rule).toList();
    }

    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection().remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        if (address == null) {
            return "unknown";
        }
        String forwarded = request.headers().getAll("X-Forwarded-For").stream().reduce((a, b) -> a + "," + b).orElse(null);
        if (forwarded == null || !isTrusted(address)) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!NetUtil.isValidIpV4Address(hop) && !NetUtil.isValidIpV6Address(hop)) {
                // not an address a proxy would write: believe nothing further left
                return address;
            }
            address = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return address;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return false;
        }
        try {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByAddress(bytes), 0);
            return trusted.stream().anyMatch(rule -> rule.matches(socket));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1} or {@code [::1]}. */
    private static IpSubnetFilterRule rule(String entry) {
        String value = entry.trim().replace("[", "").replace("]", "");
        int slash = value.indexOf('/');
        String ip = slash < 0 ? value : value.substring(0, slash);
        int prefix = slash < 0 ? (ip.contains(":") ? 128 : 32) : Integer.parseInt(value.substring(slash + 1));
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }
}
