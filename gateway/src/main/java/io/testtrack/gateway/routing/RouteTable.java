package io.testtrack.gateway.routing;

import java.util.List;
import java.util.Optional;

/** The routes of docs/architecture.md: which service answers which path prefix. Everything else is the web UI. */
public final class RouteTable {

    public record Route(String prefix, String service, boolean isImport) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("/api/auth", "auth", false),
            new Route("/api/admin", "auth", false),
            new Route("/api/projects", "auth", false),
            new Route("/api/tests/import", "testcase", true),
            new Route("/api/tests", "testcase", false),
            new Route("/api/suites", "testcase", false),
            new Route("/api/fields", "testcase", false),
            new Route("/api/shared-steps", "testcase", false),
            new Route("/api/runs", "execution", false),
            new Route("/api/executions", "execution", false),
            new Route("/api/imports", "execution", true),
            new Route("/api/bugs", "defect", false),
            new Route("/api/github", "defect", false),
            new Route("/api/analytics", "analytics", false),
            new Route("/api/reports", "analytics", false),
            new Route("/api/notifications", "notification", false),
            new Route("/api/webhooks", "notification", false),
            new Route("/ws", "notification", false));

    /**
     * Paths that need no access token: signing in and everything that leads to it, and the
     * unsubscribe link of notification mails (signed; checked by notification-service).
     */
    private static final List<String> PUBLIC = List.of(
            "/api/auth/register", "/api/auth/verify", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
            "/api/auth/password/forgot", "/api/auth/password/reset", "/api/notifications/unsubscribe");

    private RouteTable() {
    }

    public static List<Route> all() {
        return ROUTES;
    }

    public static Optional<Route> match(String path) {
        return ROUTES.stream()
                .filter(r -> path.equals(r.prefix()) || path.startsWith(r.prefix() + "/"))
                .findFirst();
    }

    /** GitHub's webhook deliveries carry no access token: GitHub signs them instead, and defect-service checks the signature. */
    private static final String SIGNED_WEBHOOKS = "/api/github/webhooks/";

    public static boolean isPublic(String path) {
        return PUBLIC.contains(path);
    }

    public static boolean isSignedWebhook(String path) {
        return path.startsWith(SIGNED_WEBHOOKS) && !path.contains("/..") && !path.contains("%");
    }
}
