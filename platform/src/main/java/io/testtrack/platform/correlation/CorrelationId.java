package io.testtrack.platform.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/** The request id that ties together the log lines and events of one user action. */
public final class CorrelationId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    /** The caller's id when it is a sane token, else a fresh one (a header is never logged raw). */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }

    /** The id in the current log context, or null outside a request or event. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }
}
