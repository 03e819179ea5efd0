package io.testtrack.auth.api;

import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The browser's session cookies: the refresh token (HttpOnly, Secure, SameSite=Strict, only sent
 * to /api/auth) and the CSRF token that scripts read and echo in {@code X-CSRF-Token} (double
 * submit) when they refresh.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String REFRESH = "tt_refresh";
    public static final String CSRF = "tt_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final AuthConfig config;

    public SessionCookies(AuthConfig config) {
        this.config = config;
    }

    public NewCookie[] issue(String refreshToken) {
        int maxAge = (int) config.refreshTokenLifetime().toSeconds();
        return new NewCookie[] {
                cookie(REFRESH, refreshToken, "/api/auth", true, maxAge),
                cookie(CSRF, Secrets.generate(""), "/", false, maxAge) };
    }

    public NewCookie[] clear() {
        return new NewCookie[] { cookie(REFRESH, "", "/api/auth", true, 0), cookie(CSRF, "", "/", false, 0) };
    }

    private NewCookie cookie(String name, String value, String path, boolean httpOnly, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(httpOnly).secure(config.cookieSecure())
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
