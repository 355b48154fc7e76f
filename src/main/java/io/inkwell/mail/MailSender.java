package io.inkwell.mail;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.config.InkwellConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends each mail at most once. The Message-ID is derived from the event and the kind of mail, and
 * recorded in the transaction that sends: a retry finds it and skips the mail, a concurrent second
 * delivery waits for the first and skips it too. Only when the SMTP server accepted a mail and the
 * process died before the commit does the mail go again, with the same Message-ID.
 */
@ApplicationScoped
class MailSender {

    private final Jdbc jdbc;
    private final Duration timeout;
    private final Duration keepRecords;
    private final String domain;

    /** {@code from} is optional here so that prod's start-up check, not this bean, names what is missing. */
    MailSender(Jdbc jdbc, InkwellConfig config, @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        this.jdbc = jdbc;
        this.timeout = config.mail().sendTimeout();
        this.keepRecords = config.events().retention(); // no retry of an event comes later than that
        this.domain = domainOf(from.orElse(""));
    }

    /**
     * In a transaction of its own, so that the record of this mail survives a later failure of the
     * same event's handling. {@code compose} runs in that transaction (it may store a token).
     */
    void sendOnce(long eventId, String kind, String to, String subject, Supplier<MailTemplateInstance> compose) {
        String messageId = "<" + eventId + "." + kind + "@" + domain + ">";
        QuarkusTransaction.requiringNew().run(() -> {
            if (jdbc.update("INSERT INTO sent_mails (message_id, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING", messageId, eventId) == 0) {
                return;
            }
            jdbc.update("DELETE FROM sent_mails WHERE sent_at < now() - ? * interval '1 millisecond'", keepRecords.toMillis());
            Mail mail = new Mail().addTo(to).setSubject(subject).addHeader("Message-ID", messageId);
            MailTemplateInstance instance = compose.get().mail(mail);
            // Sent with the transaction suspended (its row locks held): the mail client's event-loop
            // thread must not join it through context propagation. It commits once the server accepted.
            QuarkusTransaction.suspendingExisting().run(() -> instance.send().await().atMost(timeout));
        });
    }

    /** The domain of the sender address: "Inkwell <no-reply@inkwell.example>" gives inkwell.example. */
    static String domainOf(String from) {
        int at = from.lastIndexOf('@');
        if (at < 0) {
            return "inkwell";
        }
        String domain = from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "inkwell" : domain;
    }
}
