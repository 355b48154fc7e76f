package io.inkwell.profile;

import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.inkwell.support.Race;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConcurrentFollowTest {

    @Test
    void shouldSucceedEveryTimeWhenOneUserFollowsTheSameUserConcurrently() throws Exception {
        Registered celebrity = register("celebrity");
        Registered fan = register("fan");
        String slug = publish(celebrity, "Seen once in the feed");

        List<Integer> statuses = Race.run(Race.THREADS,
                i -> as(fan).post("/api/profiles/{username}/follow", celebrity.username()).statusCode());

        assertThat(statuses).containsOnly(200);
        as(fan).get("/api/profiles/{username}", celebrity.username())
                .then().statusCode(200).body("profile.following", equalTo(true));
        as(fan).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles.slug", contains(slug))
                .body("articlesCount", equalTo(1));
    }
}
