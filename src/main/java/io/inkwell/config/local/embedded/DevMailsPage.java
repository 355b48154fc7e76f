package io.inkwell.config.local.embedded;

import java.lang.management.ManagementFactory;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /dev/mails}: every mail the embedded SMTP server received, newest first, with its recipients,
 * subject, Message-ID, links and text, so a developer can follow a verification or reset link without
 * a mail client. JSON for {@code Accept: application/json}. Dev mode and tests only: the bean is not
 * built in prod, and the prod package leaves this class out.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevMailsPage {

    private final int smtpPort;

    DevMailsPage(@ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25") int smtpPort) {
        this.smtpPort = smtpPort;
    }

    void install(@Observes Router router) {
        router.get("/dev/mails").blockingHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        JsonArray mails = new JsonArray();
        List<String> received = received();
        for (int i = received.size() - 1; i >= 0; i--) {
            mails.add(new JsonObject(received.get(i)));
        }
        String accept = context.request().getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            context.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("mails", mails).encode());
        } else {
            context.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html(mails));
        }
    }

    private List<String> received() {
        try {
            String[] mails = (String[]) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(SmtpServer.objectName(smtpPort), "Mails");
            return List.of(mails);
        } catch (Exception e) {
            return List.of(); // mails go to a configured SMTP server, not the embedded one
        }
    }

    private static String html(JsonArray mails) {
        StringBuilder page = new StringBuilder("<!doctype html><meta charset=utf-8><title>Inkwell: mails sent</title>"
                + "<style>body{font-family:sans-serif;max-width:60em;margin:auto}article{border-bottom:1px solid #ccc}"
                + "pre{white-space:pre-wrap}</style><h1>Mails sent (" + mails.size() + ")</h1>");
        for (Object entry : mails) {
            JsonObject mail = (JsonObject) entry;
            page.append("<article><h2>").append(escape(mail.getString("subject"))).append("</h2><p>To ")
                    .append(escape(String.join(", ", mail.getJsonArray("to", new JsonArray()).stream().map(String::valueOf).toList())))
                    .append(" &middot; ").append(escape(mail.getString("receivedAt")))
                    .append(" &middot; <code>").append(escape(mail.getString("messageId"))).append("</code></p><ul>");
            for (Object link : mail.getJsonArray("links", new JsonArray())) {
                page.append("<li><a href=\"").append(escape(link.toString())).append("\">").append(escape(link.toString())).append("</a>");
            }
            page.append("</ul><pre>").append(escape(mail.getString("text"))).append("</pre></article>");
        }
        return page.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
