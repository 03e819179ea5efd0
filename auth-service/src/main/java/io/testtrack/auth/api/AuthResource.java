package io.testtrack.auth.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.api.AuthDtos.ChangePasswordRequest;
import io.testtrack.auth.api.AuthDtos.ForgotRequest;
import io.testtrack.auth.api.AuthDtos.LoginRequest;
import io.testtrack.auth.api.AuthDtos.LoginResponse;
import io.testtrack.auth.api.AuthDtos.Message;
import io.testtrack.auth.api.AuthDtos.RegisterRequest;
import io.testtrack.auth.api.AuthDtos.ResetRequest;
import io.testtrack.auth.api.AuthDtos.TokenRequest;
import io.testtrack.auth.api.AuthDtos.UserView;
import io.testtrack.auth.domain.Secrets;
import io.testtrack.auth.service.AccountService;
import io.testtrack.auth.service.SessionService;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.AuthenticationRequiredException;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

@Path("/api/auth")
public class AuthResource {

    private static final Message CHECK_INBOX =
            new Message("If the address can be used, a mail is on its way with what to do next.");

    private final AccountService accounts;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private final Caller caller;

    public AuthResource(AccountService accounts, SessionService sessions, SessionCookies cookies, Caller caller) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookies = cookies;
        this.caller = caller;
    }

    /** Answers 202 whether or not the address already has an account. */
    @POST
    @Path("/register")
    public Uni<Response> register(@Valid @NotNull RegisterRequest body, @Context HttpServerRequest request) {
        return accounts.register(body.email(), body.name(), body.password(), RequestContext.anonymous(request))
                .replaceWith(() -> Response.accepted(CHECK_INBOX).build());
    }

    @POST
    @Path("/verify")
    public Uni<Message> verify(@Valid @NotNull TokenRequest body, @Context HttpServerRequest request) {
        return accounts.verifyEmail(body.token(), RequestContext.anonymous(request))
                .replaceWith(new Message("Your e-mail address is confirmed; you can sign in."));
    }

    @POST
    @Path("/login")
    public Uni<Response> login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        return sessions.login(body.email(), body.password(), RequestContext.anonymous(request)).map(this::sessionResponse);
    }

    /** Rotates the refresh-token cookie; the CSRF header must echo the CSRF cookie. */
    @POST
    @Path("/refresh")
    public Uni<Response> refresh(@CookieParam(SessionCookies.REFRESH) String refreshToken,
            @CookieParam(SessionCookies.CSRF) String csrfCookie, @HeaderParam(SessionCookies.CSRF_HEADER) String csrfHeader,
            @Context HttpServerRequest request) {
        if (refreshToken == null) {
            throw new AuthenticationRequiredException("No session; sign in.");
        }
        if (!Secrets.same(csrfCookie, csrfHeader)) {
            throw new AccessDeniedException("The " + SessionCookies.CSRF_HEADER + " header must repeat the "
                    + SessionCookies.CSRF + " cookie.");
        }
        return sessions.refresh(refreshToken, RequestContext.anonymous(request)).map(this::sessionResponse);
    }

    @POST
    @Path("/logout")
    public Uni<Response> logout(@CookieParam(SessionCookies.REFRESH) String refreshToken, @Context HttpServerRequest request) {
        return sessions.logout(refreshToken, RequestContext.anonymous(request))
                .replaceWith(() -> Response.noContent().cookie(cookies.clear()).build());
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    public Uni<Response> logoutEverywhere(@Context HttpServerRequest request) {
        Principal.User user = caller.user(RequestContext.USERS_ONLY);
        return sessions.logoutEverywhere(user.userId(), RequestContext.of(request, user))
                .replaceWith(() -> Response.noContent().cookie(cookies.clear()).build());
    }

    /**
     * Answers 202 at once, the same for every address; the reset mail, if any, follows. (On a
     * worker thread: the work that follows is handed to a Vert.x context from there.)
     */
    @POST
    @Path("/password/forgot")
    public Response forgot(@Valid @NotNull ForgotRequest body, @Context HttpServerRequest request) {
        accounts.requestPasswordReset(body.email(), RequestContext.anonymous(request));
        return Response.accepted(CHECK_INBOX).build();
    }

    @POST
    @Path("/password/reset")
    public Uni<Message> reset(@Valid @NotNull ResetRequest body, @Context HttpServerRequest request) {
        return accounts.resetPassword(body.token(), body.newPassword(), RequestContext.anonymous(request))
                .replaceWith(new Message("Your password is set; every session has ended. Sign in with the new one."));
    }

    @POST
    @Path("/password/change")
    @Authenticated
    public Uni<Response> change(@Valid @NotNull ChangePasswordRequest body, @Context HttpServerRequest request) {
        Principal.User user = caller.user(RequestContext.USERS_ONLY);
        return accounts.changePassword(user.userId(), body.currentPassword(), body.newPassword(),
                RequestContext.of(request, user)).map(this::sessionResponse);
    }

    @GET
    @Path("/me")
    @Authenticated
    public Uni<UserView> me() {
        return accounts.profile(caller.user(RequestContext.USERS_ONLY).userId()).map(user -> {
            if (!user.active) {
                throw new AuthenticationRequiredException("This account is deactivated.");
            }
            return UserView.of(user);
        });
    }

    private Response sessionResponse(SessionService.Session session) {
        LoginResponse body = new LoginResponse(session.access().token(), "Bearer", session.access().expiresIn(),
                UserView.of(session.user()));
        return Response.ok(body).cookie(cookies.issue(session.refreshToken())).build();
    }
}
