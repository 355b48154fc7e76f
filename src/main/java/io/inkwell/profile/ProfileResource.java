package io.inkwell.profile;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.inkwell.common.security.CurrentUser;
import io.inkwell.ratelimit.LimitedWrite;
import io.inkwell.ratelimit.RateLimitOpenApi;
import io.quarkus.security.Authenticated;

@Path("/api/profiles/{username}")
@Tag(name = "Profile")
public class ProfileResource {

    private final ProfileService profiles;
    private final ProfileReads reads;
    private final CurrentUser currentUser;

    ProfileResource(ProfileService profiles, ProfileReads reads, CurrentUser currentUser) {
        this.profiles = profiles;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GET
    @PermitAll
    @Operation(summary = "Get a profile; signing in is optional")
    public ProfileResponse get(@RestPath String username) {
        return new ProfileResponse(reads.get(username, currentUser.id()));
    }

    @POST
    @Path("/follow")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Follow a user (following twice is not an error)")
    public ProfileResponse follow(@RestPath String username) {
        return new ProfileResponse(profiles.follow(currentUser.requireId(), username));
    }

    @DELETE
    @Path("/follow")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Unfollow a user (unfollowing twice is not an error)")
    public ProfileResponse unfollow(@RestPath String username) {
        return new ProfileResponse(profiles.unfollow(currentUser.requireId(), username));
    }
}
