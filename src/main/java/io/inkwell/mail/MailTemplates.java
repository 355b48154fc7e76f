package io.inkwell.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** Each mail as a text part and an HTML part: templates/mail/&lt;name&gt;.txt and .html, checked at build time. */
@CheckedTemplate(basePath = "mail")
final class MailTemplates {

    private MailTemplates() {
    }

    static native MailTemplateInstance verifyEmail(String username, String email, String link, long hours);

    static native MailTemplateInstance addressChanged(String username);

    static native MailTemplateInstance passwordReset(String username, String link, long minutes);

    static native MailTemplateInstance passwordChanged(String username);
}
