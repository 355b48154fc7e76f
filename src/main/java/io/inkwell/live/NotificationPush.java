package io.inkwell.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.notification.NotificationResponse;
import io.inkwell.notification.Notifications;
import io.inkwell.notification.NotificationsCreated;

/** Pushes new notifications to their recipients' open connections, once they are committed. */
@ApplicationScoped
class NotificationPush {

    private static final Logger LOG = Logger.getLogger(NotificationPush.class);

    private final Notifications notifications;
    private final LiveFanout fanout;
    private final ObjectMapper json;

    NotificationPush(Notifications notifications, LiveFanout fanout, ObjectMapper json) {
        this.notifications = notifications;
        this.fanout = fanout;
        this.json = json;
    }

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsCreated created) {
        try {
            notifications.byRecipient(created.ids()).forEach((recipient, views) -> {
                for (NotificationResponse.View view : views) {
                    fanout.toUser(recipient, LiveMessages.toJson(json, new LiveMessages.Notification(view)));
                }
            });
        } catch (RuntimeException e) {
            // Live delivery is best effort: the notification is stored, and listed by the REST endpoint.
            LOG.debugf("Notifications %s not pushed live: %s", created.ids(), e);
        }
    }

}
