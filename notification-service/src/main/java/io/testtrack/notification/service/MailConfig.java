package io.testtrack.notification.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where mails link to, how links are signed, how often mails go out. */
@ConfigMapping(prefix = "notification.mail")
public interface MailConfig {

    /** The gateway's address as users reach it: links in mails start with it. */
    String publicUrl();

    /** The key of the unsubscribe links' HMAC-SHA256 signature. */
    String linkSecret();

    /** How often the immediate mails waiting are sent (every instance tries; rows are claimed). */
    @WithDefault("10s")
    String immediateEvery();

    /** When the daily digest goes out (Quartz-style cron; {@code off} disables it). */
    @WithDefault("0 0 7 * * ?")
    String digestCron();

    /** Most mails one run of the immediate job sends. */
    @WithDefault("100")
    int batch();
}
