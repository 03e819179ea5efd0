package io.testtrack.common;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id that ties together the log lines and events of one user action, as the gateway and every service read it. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The caller's id when it is a sane token, else a fresh one (a header is never logged raw). */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
