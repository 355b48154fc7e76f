package io.inkwell.tag;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/tags")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags")
public class TagResource {

    public record TagsResponse(List<String> tags) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Tags in use, most used first")
    public TagsResponse tags() {
        return new TagsResponse(Tag.popularNames());
    }
}
