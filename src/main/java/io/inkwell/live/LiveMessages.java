package io.inkwell.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.comment.CommentResponse;
import io.inkwell.notification.NotificationResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the server sends on /api/live; each message is a JSON object with a {@code type}. */
final class LiveMessages {

    private LiveMessages() {
    }

    /** The message as the text frame sent; these records always serialise, so a failure is a bug. */
    static String toJson(ObjectMapper json, Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Live messages are plain records", e);
        }
    }

    /** First message of every connection: whom it is signed in as ({@code null}: anonymous). */
    @RegisterForReflection
    record Connected(String type, String user) {
        Connected(String user) {
            this("connected", user);
        }
    }

    @RegisterForReflection
    record Subscription(String type, String article) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, String error, String article) {
        Error(String error, String article) {
            this("error", error, article);
        }
    }

    /** A new comment on a followed article, shaped as in the Conduit API. */
    @RegisterForReflection
    record Comment(String type, String article, CommentResponse.View comment) {
        Comment(String article, CommentResponse.View comment) {
            this("comment", article, comment);
        }
    }

    @RegisterForReflection
    record CommentDeleted(String type, String article, long id) {
        CommentDeleted(String article, long id) {
            this("comment-deleted", article, id);
        }
    }

    /** A notification for the signed-in user, shaped as in GET /api/notifications. */
    @RegisterForReflection
    record Notification(String type, NotificationResponse.View notification) {
        Notification(NotificationResponse.View notification) {
            this("notification", notification);
        }
    }
}
