package io.inkwell.notification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.inkwell.common.error.ApiException;
import io.inkwell.common.security.CurrentUser;
import io.quarkus.security.Authenticated;

@Path("/api/notifications")
@Tag(name = "Notifications")
@Authenticated
@SecurityRequirement(name = "Token")
public class NotificationResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final Notifications notifications;
    private final CurrentUser currentUser;

    NotificationResource(Notifications notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "The current user's notifications, newest first",
            description = "Follow nextCursor for older ones; it is null on the last page.")
    public NotificationResponse list(
            @Parameter(description = "1 to 100, default 20") @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        long recipient = currentUser.requireId();
        int size = limit(limit);
        List<NotificationResponse.View> page = notifications.page(recipient, before(cursor), size);
        String next = page.size() > size ? cursorAfter(notifications.eventOf(recipient, page.get(size - 1).id())) : null;
        return new NotificationResponse(page.subList(0, Math.min(size, page.size())), notifications.unreadCount(recipient), next);
    }

    @POST
    @Path("/read")
    @Operation(summary = "Mark notifications read: the given ids, or all of them",
            description = "Ids that are not the caller's notifications change nothing.")
    @APIResponse(responseCode = "204", description = "Marked")
    public RestResponse<Void> markRead(@NotNull @Valid NotificationRequests.MarkRead request) {
        long recipient = currentUser.requireId();
        if (request.everything()) {
            notifications.markAllRead(recipient);
        } else if (request.some()) {
            notifications.markRead(recipient, request.ids().stream().map(Long::valueOf).toArray(Long[]::new));
        } else {
            throw ApiException.unprocessable("body", "must give either \"ids\" or \"all\": true");
        }
        return RestResponse.noContent();
    }

    private static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.unprocessable("limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }

    /** Cursors are opaque to clients: the event of a page's last notification, base64url-encoded. */
    private static String cursorAfter(long eventId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(eventId).getBytes(StandardCharsets.US_ASCII));
    }

    private static long before(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            long id = Long.parseLong(decoded);
            if (id > 0 && decoded.matches("\\d{1,18}")) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below; NumberFormatException is one too
        }
        throw ApiException.unprocessable("cursor", "is not a cursor this API gave out");
    }
}
