package io.testtrack.auth.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The account mails. They go out after the transaction that issued their token has committed; a
 * mail that fails to send is logged and the user can ask again, so the request itself succeeds.
 */
@ApplicationScoped
public class Mails {

    private final ReactiveMailer mailer;
    private final String publicUrl;

    public Mails(ReactiveMailer mailer, AuthConfig config) {
        this.mailer = mailer;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    public Uni<Void> verification(String to, String name, String token) {
        return send(to, "Confirm your e-mail address for TestTrack Pro", """
                Hello %s,

                confirm your e-mail address to start using TestTrack Pro:

                %s

                The link works once and for 24 hours. If you did not register, ignore this mail.
                """.formatted(name, link("/verify-email", token)));
    }

    public Uni<Void> alreadyRegistered(String to, String name) {
        return send(to, "Someone tried to register with your e-mail address", """
                Hello %s,

                someone tried to create a TestTrack Pro account with this address, which already has one.
                If it was you, sign in, or reset your password at %s.
                If not, you can ignore this mail: nothing has changed.
                """.formatted(name, publicUrl + "/forgot-password"));
    }

    public Uni<Void> passwordReset(String to, String name, String token) {
        return send(to, "Reset your TestTrack Pro password", """
                Hello %s,

                choose a new password here:

                %s

                The link works once and for 1 hour. Resetting signs you out everywhere.
                If you did not ask for this, ignore this mail: your password is unchanged.
                """.formatted(name, link("/reset-password", token)));
    }

    public Uni<Void> invitation(String to, String name, String token) {
        return send(to, "You are invited to TestTrack Pro", """
                Hello %s,

                an administrator created a TestTrack Pro account for you. Choose your password here:

                %s

                The link works once and for 7 days.
                """.formatted(name, link("/reset-password", token)));
    }

    private String link(String path, String token) {
        return publicUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private Uni<Void> send(String to, String subject, String text) {
        return mailer.send(Mail.withText(to, subject, text))
                .onFailure().recoverWithUni(failure -> {
                    Log.errorf("mail \"%s\" could not be sent: %s", subject, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
