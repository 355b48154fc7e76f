package io.inkwell.support;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkwell.config.local.embedded.SmtpServer;
import io.vertx.core.json.JsonObject;

/**
 * The mails an embedded SMTP server of this JVM received, read through its JMX bean (so the test's
 * class loader does not matter): the shared one of the test run, or one a test started itself.
 */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%-]+)");

    /** A received mail, as the embedded server describes it. */
    public record Mail(List<String> to, String subject, String messageId, String text, String html, List<String> links) {

        /** The token of the first link carrying one. */
        public String token() {
            for (String link : links) {
                Matcher matcher = TOKEN.matcher(link);
                if (matcher.find()) {
                    return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            throw new AssertionError("no token in " + links);
        }
    }

    private final int port;

    private Mailbox(int port) {
        this.port = port;
    }

    /** The SMTP server the test run started for everyone (see EmbeddedServers.smtp()). */
    public static Mailbox shared() {
        return new Mailbox(Integer.parseInt(System.getProperty("inkwell-local.smtp-port")));
    }

    public static Mailbox at(int port) {
        return new Mailbox(port);
    }

    public List<Mail> all() {
        try {
            String[] mails = (String[]) ManagementFactory.getPlatformMBeanServer().getAttribute(SmtpServer.objectName(port), "Mails");
            List<Mail> parsed = new ArrayList<>();
            for (String json : mails) {
                JsonObject mail = new JsonObject(json);
                parsed.add(new Mail(strings(mail, "to"), mail.getString("subject"), mail.getString("messageId"),
                        mail.getString("text"), mail.getString("html"), strings(mail, "links")));
            }
            return parsed;
        } catch (Exception e) {
            throw new IllegalStateException("No mailbox of an embedded SMTP server on port " + port, e);
        }
    }

    /** Mails to {@code address} (compared ignoring case), oldest first. */
    public List<Mail> to(String address) {
        return all().stream().filter(mail -> mail.to().stream().anyMatch(to -> to.equalsIgnoreCase(address))).toList();
    }

    /** Waits until {@code address} received a mail whose subject contains {@code subject}, and returns the last such. */
    public Mail await(String address, String subject) {
        return await(address, subject, Await.PATIENCE);
    }

    public Mail await(String address, String subject, Duration limit) {
        List<Mail> found = Await.value("a mail '" + subject + "' to " + address, limit,
                () -> to(address).stream().filter(mail -> mail.subject().contains(subject)).toList(), list -> !list.isEmpty());
        return found.get(found.size() - 1);
    }

    /** Waits until {@code address} received at least {@code count} mails, and returns them all. */
    public List<Mail> await(String address, int count) {
        return Await.value(count + " mails to " + address, Await.PATIENCE, () -> to(address), list -> list.size() >= count);
    }

    private static List<String> strings(JsonObject mail, String field) {
        return mail.getJsonArray(field) == null ? List.of() : mail.getJsonArray(field).stream().map(String::valueOf).toList();
    }
}
