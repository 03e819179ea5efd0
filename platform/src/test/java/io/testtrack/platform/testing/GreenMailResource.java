package io.testtrack.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free port for the service under test, and a way to read
 * what it received: {@code @QuarkusTestResource(GreenMailResource.class)}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The mails received for {@code address} so far, as (subject, body) pairs, waiting up to 10 s for at least one. */
    public static List<Mail> mailsTo(String address, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<Mail> mails = Arrays.stream(server.getReceivedMessages())
                    .filter(m -> recipients(m).contains(address.toLowerCase()))
                    .map(m -> new Mail(subject(m), GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=")))
                    .toList();
            if (mails.size() >= atLeast || System.nanoTime() > deadline) {
                return mails;
            }
            sleep();
        }
    }

    /** The last {@code token=} value in the newest mail to {@code address}. */
    public static String tokenMailedTo(String address, int mailNumber) {
        List<Mail> mails = mailsTo(address, mailNumber);
        if (mails.size() < mailNumber) {
            throw new AssertionError("expected " + mailNumber + " mails to " + address + ", got " + mails.size());
        }
        Matcher m = Pattern.compile("token=([A-Za-z0-9_%-]+)").matcher(mails.get(mailNumber - 1).body());
        if (!m.find()) {
            throw new AssertionError("no token in mail: " + mails.get(mailNumber - 1).body());
        }
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    public record Mail(String subject, String body) {
    }

    private static List<String> recipients(Message message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(a -> a.toString().toLowerCase()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
