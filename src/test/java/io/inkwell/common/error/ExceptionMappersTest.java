package io.inkwell.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/** The mapping rules themselves, for failures too racy to provoke reliably over HTTP. */
class ExceptionMappersTest {

    private final ExceptionMappers mappers = new ExceptionMappers(new io.inkwell.common.http.AllowedMethods());

    @Test
    void shouldAnswer409WhenAConcurrentChangeBreaksAConstraint() {
        PersistenceException lostRace = new PersistenceException(new ConstraintViolationException(
                "insert or update on table \"favorites\" violates foreign key constraint",
                new SQLException("fk", "23503"), "favorites_article_id_fkey"));

        RestResponse<ErrorResponse> response = mappers.unexpected(lostRace);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getEntity().errors()).containsOnlyKeys(ErrorResponse.GENERAL);
    }

    @Test
    void shouldAnswer500WithOnlyAReferenceForAnythingElse() {
        RestResponse<ErrorResponse> response = mappers.unexpected(new IllegalStateException("secret detail"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity().errors().get(ErrorResponse.GENERAL).get(0))
                .startsWith("unexpected error; reference ")
                .doesNotContain("secret detail")
                .doesNotContain("IllegalStateException");
    }
}
