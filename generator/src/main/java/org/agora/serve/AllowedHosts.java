package org.agora.serve;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The names under which the preview answers, checked against each request's Host header. A page on any
 * web site can point one of its own host names at 127.0.0.1 (DNS rebinding) and then read the preview,
 * drafts included, as if it were its own origin; its requests still carry its own name as Host, so the
 * preview answers only to names that are its own:
 * <ul>
 *   <li>{@code localhost}, and any loopback address literal ({@code 127.0.0.1}, {@code [::1]});</li>
 *   <li>the literal of the address it listens on or, listening on every network (0.0.0.0), of any address
 *       of this machine: an address literal cannot be rebound, the browser treats it as its own origin;</li>
 *   <li>the names the editor allows ({@code --allow-host NAME}, or {@code NAME:PORT} behind a port
 *       forward), and the name given to {@code --bind}.</li>
 * </ul>
 * A port, when the Host header has one, must be the server's (or the one allowed with the name).
 */
public final class AllowedHosts {

    /** What a request's Host header says about it. */
    enum Verdict { OWN, FOREIGN, MALFORMED }

    /** The host (lower case; an IPv6 literal in brackets) and port of a Host header or of an allowed name. */
    record Authority(String host, OptionalInt port) {}

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

    private final InetAddress bound;
    private final int port;
    private final List<Authority> allowed;

    /**
     * @param bound the address the server listens on
     * @param port the port it listens on
     * @param names further names it answers to, each {@code NAME} or {@code NAME:PORT}; malformed ones are ignored
     *              (check them first with {@link #isValid})
     */
    AllowedHosts(InetAddress bound, int port, List<String> names) {
        this.bound = bound;
        this.port = port;
        this.allowed = names.stream().map(AllowedHosts::parse).flatMap(Optional::stream).toList();
    }

    /** True for a host name or address literal, with an optional port: what {@code --allow-host} accepts. */
    public static boolean isValid(String name) {
        return parse(name).isPresent();
    }

    /**
     * @param hostHeaders every Host header of the request (HTTP/1.1 requires exactly one)
     * @param targetAuthority the host and port of the request target when it is an absolute URL
     *                        ({@code GET http://x/ HTTP/1.1}), which then takes precedence over the header; else null
     */
    Verdict check(List<String> hostHeaders, String targetAuthority) {
        if (hostHeaders == null || hostHeaders.size() != 1) return Verdict.MALFORMED;
        Optional<Authority> header = parse(hostHeaders.getFirst());
        if (header.isEmpty()) return Verdict.MALFORMED;
        if (targetAuthority != null) {
            Optional<Authority> target = parse(targetAuthority);
            if (target.isEmpty()) return Verdict.MALFORMED;
            if (!isOwn(target.get())) return Verdict.FOREIGN;
        }
        return isOwn(header.get()) ? Verdict.OWN : Verdict.FOREIGN;
    }

    private boolean isOwn(Authority a) {
        for (Authority name : allowed) {
            if (name.host().equals(a.host()) && portMatches(a.port(), name.port())) return true;
        }
        if (!portMatches(a.port(), OptionalInt.empty())) return false;
        if (a.host().equals("localhost")) return true;
        Optional<InetAddress> literal = literal(a.host());
        return literal.isPresent() && (literal.get().isLoopbackAddress() || literal.get().equals(bound)
                || bound.isAnyLocalAddress() && isThisMachine(literal.get()));
    }

    /** Without a port of its own, a name is allowed at the server's port, or with none (a browser omits 80). */
    private boolean portMatches(OptionalInt requested, OptionalInt allowed) {
        if (requested.isEmpty()) return true;
        return requested.getAsInt() == allowed.orElse(port);
    }

    /** The address an IP literal names, parsed without any lookup: the text is checked to be a literal first. */
    private static Optional<InetAddress> literal(String host) {
        boolean v6 = IPV6.matcher(host).matches();
        if (!v6 && !IPV4.matcher(host).matches()) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty(); // not a valid literal after all, such as [1:2:3]
        }
    }

    private static boolean isThisMachine(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /**
     * A Host header's value as RFC 9110 allows it: a host name, an IPv4 literal or a bracketed IPv6 literal,
     * optionally followed by ':' and a port. Anything else (user info, a path, an IPv6 zone, spaces) is empty.
     */
    static Optional<Authority> parse(String value) {
        if (value == null) return Optional.empty();
        String text = value.strip().toLowerCase(Locale.ROOT);
        String host;
        String rest;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) return Optional.empty();
            host = text.substring(0, close + 1);
            rest = text.substring(close + 1);
            if (!IPV6.matcher(host).matches()) return Optional.empty();
        } else {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            rest = colon < 0 ? "" : text.substring(colon);
            if (!NAME.matcher(host).matches()) return Optional.empty();
        }
        if (rest.isEmpty() || rest.equals(":")) return Optional.of(new Authority(host, OptionalInt.empty()));
        if (!rest.matches(":[0-9]{1,5}")) return Optional.empty();
        int port = Integer.parseInt(rest.substring(1));
        return port > 65_535 ? Optional.empty() : Optional.of(new Authority(host, OptionalInt.of(port)));
    }
}
