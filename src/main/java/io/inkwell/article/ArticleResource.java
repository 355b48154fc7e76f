package io.inkwell.article;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.inkwell.common.security.CurrentUser;
import io.inkwell.ratelimit.LimitedWrite;
import io.inkwell.ratelimit.RateLimitOpenApi;
import io.quarkus.security.Authenticated;

@Path("/api/articles")
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleService articles;
    private final ArticleReads reads;
    private final CurrentUser currentUser;

    ArticleResource(ArticleService articles, ArticleReads reads, CurrentUser currentUser) {
        this.articles = articles;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GET
    @PermitAll
    @Operation(summary = "List articles, newest first, filtered by tag, author and/or favoriting user")
    public ArticleResponse.Page list(
            @RestQuery String tag,
            @RestQuery String author,
            @RestQuery String favorited,
            @Parameter(description = "1 to 100, default 20") @RestQuery String limit,
            @Parameter(description = "0 or more, default 0") @RestQuery String offset) {
        Paging paging = Paging.of(limit, offset);
        ArticleFilter filter = new ArticleFilter(blankToNull(tag), blankToNull(author), blankToNull(favorited), null);
        return reads.list(filter, paging, currentUser.id().orElse(null));
    }

    @GET
    @Path("/feed")
    @Authenticated
    @SecurityRequirement(name = "Token")
    @Operation(summary = "Articles by the authors the current user follows, newest first")
    public ArticleResponse.Page feed(
            @Parameter(description = "1 to 100, default 20") @RestQuery String limit,
            @Parameter(description = "0 or more, default 0") @RestQuery String offset) {
        Paging paging = Paging.of(limit, offset);
        long userId = currentUser.requireId();
        return articles.list(ArticleFilter.feed(userId), paging, userId);
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(summary = "Get an article; signing in is optional")
    public ArticleResponse get(@RestPath String slug) {
        return new ArticleResponse(reads.get(slug, currentUser.id().orElse(null)));
    }

    @POST
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Publish an article")
    public RestResponse<ArticleResponse> create(@NotNull @Valid ArticleRequests.Create article) {
        ArticleResponse.View created = articles.create(currentUser.requireId(), article.article());
        return RestResponse.status(RestResponse.Status.CREATED, new ArticleResponse(created));
    }

    @PUT
    @Path("/{slug}")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Update an article (author only); a new title gives a new slug")
    public ArticleResponse update(@RestPath String slug, @NotNull @Valid ArticleRequests.Update article) {
        return new ArticleResponse(articles.update(currentUser.requireId(), slug, article.article()));
    }

    @DELETE
    @Path("/{slug}")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Delete an article (author only)")
    public RestResponse<Void> delete(@RestPath String slug) {
        articles.delete(currentUser.requireId(), slug);
        return RestResponse.noContent();
    }

    @POST
    @Path("/{slug}/favorite")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Favorite an article (favoriting twice is not an error)")
    public ArticleResponse favorite(@RestPath String slug) {
        return new ArticleResponse(articles.favorite(currentUser.requireId(), slug));
    }

    @DELETE
    @Path("/{slug}/favorite")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Unfavorite an article (unfavoriting twice is not an error)")
    public ArticleResponse unfavorite(@RestPath String slug) {
        return new ArticleResponse(articles.unfavorite(currentUser.requireId(), slug));
    }

    /** {@code ?tag=} (empty) filters nothing, as if the parameter were absent. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
