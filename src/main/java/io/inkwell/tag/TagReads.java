package io.inkwell.tag;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.cache.CacheRegion;
import io.inkwell.common.cache.Fresh;
import io.inkwell.common.cache.SharedCache;
import io.inkwell.common.change.Topic;
import io.inkwell.config.InkwellConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The most used tags ({@code inkwell.tags.limit} of them), through the shared cache. */
@ApplicationScoped
@RegisterForReflection(targets = TagResource.TagsResponse.class)
public class TagReads {

    private final SharedCache cache;
    private final CacheRegion region;
    private final int limit;

    TagReads(SharedCache cache, InkwellConfig config) {
        this.cache = cache;
        this.region = new CacheRegion("tags", config.cache().ttl(), config.cache().enabled());
        this.limit = config.tags().limit();
    }

    public TagResource.TagsResponse popular() {
        return cache.get(region, Integer.toString(limit), TagResource.TagsResponse.class,
                () -> Fresh.of(new TagResource.TagsResponse(Tag.popularNames(limit)), List.of(Topic.tagSet())));
    }
}
