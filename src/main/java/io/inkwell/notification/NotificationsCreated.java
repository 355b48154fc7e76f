package io.inkwell.notification;

import java.util.List;

/** Fired in the transaction that stored new notifications; observe it AFTER_SUCCESS to act once they are visible. */
public record NotificationsCreated(List<Long> ids) {
}
