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

    private final TagReads tags;

    TagResource(TagReads tags) {
        this.tags = tags;
    }

    @GET
    @PermitAll
    @Operation(summary = "The most used tags (100 unless configured), most used first")
    public TagsResponse tags() {
        return tags.popular();
    }
}
