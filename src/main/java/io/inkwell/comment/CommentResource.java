package io.inkwell.comment;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.inkwell.common.error.ApiException;
import io.inkwell.common.security.CurrentUser;
import io.inkwell.ratelimit.LimitedWrite;
import io.inkwell.ratelimit.RateLimitOpenApi;
import io.quarkus.security.Authenticated;

@Path("/api/articles/{slug}/comments")
@Tag(name = "Comments")
public class CommentResource {

    private final CommentService comments;
    private final CommentReads reads;
    private final CurrentUser currentUser;

    CommentResource(CommentService comments, CommentReads reads, CurrentUser currentUser) {
        this.comments = comments;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GET
    @PermitAll
    @Operation(summary = "Comments on an article, oldest first; signing in is optional",
            description = "Without limit, up to " + CommentPage.UNPAGED_MAX + " comments. nextCursor, present "
                    + "when more follow, is the cursor of the next page.")
    public CommentResponse.Many list(
            @RestPath String slug,
            @Parameter(description = "1 to " + CommentPage.MAX_LIMIT + "; absent: up to " + CommentPage.UNPAGED_MAX)
            @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        return reads.list(slug, currentUser.id().orElse(null), CommentPage.of(limit, cursor));
    }

    @POST
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Comment on an article")
    public CommentResponse add(@RestPath String slug, @NotNull @Valid CommentRequests.Create comment) {
        return new CommentResponse(comments.add(currentUser.requireId(), slug, comment.comment()));
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Delete a comment (its author only)")
    public RestResponse<Void> delete(@RestPath String slug, @RestPath String id) {
        comments.delete(currentUser.requireId(), slug, parseId(id));
        return RestResponse.noContent();
    }

    /** A non-numeric id names no comment: 404, not the 400 a failed conversion would give. */
    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("comment");
        }
    }
}
