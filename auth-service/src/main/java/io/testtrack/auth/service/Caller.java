package io.testtrack.auth.service;

import java.util.UUID;

/**
 * Who is asking and from where: the authenticated user (or none) and the client address and
 * agent, for the audit log, throttling and session records.
 */
public record Caller(UUID userId, String email, String ip, String userAgent) {

    public static Caller anonymous(String ip, String userAgent) {
        return new Caller(null, null, ip, userAgent);
    }

    public Caller as(UUID userId, String email) {
        return new Caller(userId, email, ip, userAgent);
    }
}
