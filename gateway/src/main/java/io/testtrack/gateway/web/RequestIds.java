package io.testtrack.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id: kept from the client when sane, else made here; forwarded and echoed. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
