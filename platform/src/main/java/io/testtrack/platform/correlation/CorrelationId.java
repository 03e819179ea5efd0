package io.testtrack.platform.correlation;

import io.testtrack.common.RequestIds;
import org.jboss.logging.MDC;

/** The request id that ties together the log lines and events of one user action. */
public final class CorrelationId {

    public static final String HEADER = RequestIds.HEADER;
    public static final String MDC_KEY = "requestId";

    private CorrelationId() {
    }

    /** The caller's id when it is a sane token, else a fresh one (a header is never logged raw). */
    public static String acceptOrCreate(String candidate) {
        return RequestIds.acceptOrCreate(candidate);
    }

    /** The id in the current log context, or null outside a request or event. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }
}
