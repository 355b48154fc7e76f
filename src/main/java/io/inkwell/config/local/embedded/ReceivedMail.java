package io.inkwell.config.local.embedded;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/**
 * A received mail as JSON: recipients, subject, Message-ID, text and HTML parts, and the links in the
 * text. Written by hand: this class may be loaded where no JSON library is set up (a config source's
 * class loader).
 */
final class ReceivedMail {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    private ReceivedMail() {
    }

    static String toJson(MimeMessage message) {
        try {
            String[] texts = new String[2];
            collect(message, texts);
            return "{" + field("to", array(addresses(message.getRecipients(Message.RecipientType.TO)))) + ","
                    + field("from", array(addresses(message.getFrom()))) + ","
                    + field("subject", string(message.getSubject())) + ","
                    + field("messageId", string(message.getMessageID())) + ","
                    + field("receivedAt", string(message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString())) + ","
                    + field("text", string(texts[0])) + ","
                    + field("html", string(texts[1])) + ","
                    + field("links", array(links(texts[0] == null ? texts[1] : texts[0]))) + "}";
        } catch (Exception e) {
            return "{" + field("error", string("unreadable mail: " + e)) + "}";
        }
    }

    /** Without relying on the activation framework's content handlers, which a foreign class loader may lack. */
    private static void collect(Part part, String[] texts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = part.getContent() instanceof Multipart parsed
                    ? parsed : new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), texts);
            }
        } else if (part.isMimeType("text/plain") && texts[0] == null) {
            texts[0] = text(part);
        } else if (part.isMimeType("text/html") && texts[1] == null) {
            texts[1] = text(part);
        }
    }

    private static String text(Part part) throws Exception {
        if (part.getContent() instanceof String text) {
            return text;
        }
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        try (InputStream in = part.getInputStream()) { // decoded from its transfer encoding
            return new String(in.readAllBytes(), charset == null ? "UTF-8" : MimeUtility.javaCharset(charset));
        }
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                list.add(address.toString());
            }
        }
        return list;
    }

    private static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        if (text != null) {
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
        }
        return links;
    }

    private static String field(String name, String json) {
        return string(name) + ":" + json;
    }

    private static String array(List<String> values) {
        return "[" + String.join(",", values.stream().map(ReceivedMail::string).toList()) + "]";
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }
}
