package io.inkwell.common.cache;

import static io.inkwell.support.Management.management;
import static io.inkwell.support.Api.anonymous;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Uncached;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** inkwell.cache.enabled=false: every read goes to the database, as benchmarks of the uncached path need. */
@QuarkusTest
@TestProfile(Uncached.class)
class CacheOffTest {

    @Test
    void shouldReadFromTheDatabaseEveryTime() {
        double before = bypasses();

        anonymous().get("/api/tags").then().statusCode(200);
        anonymous().get("/api/tags").then().statusCode(200);

        assertThat(bypasses()).isEqualTo(before + 2);
    }

    private static double bypasses() {
        String metrics = management().accept(ContentType.TEXT).get("/q/metrics").then().extract().asString();
        Matcher matcher = Pattern.compile(
                "inkwell_cache_gets_total\\{[^}]*region=\"tags\"[^}]*result=\"bypass\"[^}]*} ([0-9.]+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
