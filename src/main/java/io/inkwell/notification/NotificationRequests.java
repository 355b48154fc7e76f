package io.inkwell.notification;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class NotificationRequests {

    static final int MAX_IDS = 100;

    private NotificationRequests() {
    }

    /** {@code {"ids": ["12", ...]}} or {@code {"all": true}}. */
    public record MarkRead(
            @Size(min = 1, max = MAX_IDS) List<@NotNull @Pattern(regexp = "\\d{1,18}", message = "must be a notification id") String> ids,
            Boolean all) {

        boolean everything() {
            return Boolean.TRUE.equals(all) && ids == null;
        }

        boolean some() {
            return ids != null && all == null;
        }
    }
}
