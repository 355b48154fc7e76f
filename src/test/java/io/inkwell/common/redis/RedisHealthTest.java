package io.inkwell.common.redis;

import static io.inkwell.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Redis's state is reported (health data, a gauge) but never decides readiness. */
@QuarkusTest
class RedisHealthTest {

    @Test
    void shouldReportRedisAsDataOfAnUpCheck() {
        management().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.findAll { it.name == 'Redis' }.status", contains("UP"))
                .body("checks.find { it.name == 'Redis' }.data.reachable", equalTo(true))
                .body("checks.find { it.name == 'Redis' }.data.breaker", equalTo("closed"));
    }

    @Test
    void shouldNotRunTheRedisExtensionsOwnReadinessCheck() {
        management().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.findAll { it.name == 'Redis connection health check' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldExposeRedisUpGauge() {
        String metrics = management().accept(ContentType.TEXT).get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("(?m)^inkwell_redis_up(\\{[^}]*\\})? 1\\.0$");
    }
}
