package io.inkwell.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import io.inkwell.common.persistence.DatabaseOutage;

/** The mapping rules themselves, for failures too racy to provoke reliably over HTTP. */
class ExceptionMappersTest {

    private final ExceptionMappers mappers = new ExceptionMappers(new io.inkwell.common.http.AllowedMethods(),
            new DatabaseOutage(Duration.ofSeconds(2)));

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

    @Test
    void shouldAnswer503WithRetryAfterWhenNoConnectionCanBeHad() {
        PersistenceException noConnection = new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"));

        RestResponse<ErrorResponse> response = mappers.unexpected(noConnection);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(response.getEntity().errors()).containsOnlyKeys(ErrorResponse.GENERAL);
    }

    @Test
    void shouldAnswer503WhenTheConnectionBrokeOrWasRefused() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        SQLException refused = new SQLException("Connection refused", "08001", new ConnectException("refused"));
        SQLException shuttingDown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(mappers.unexpected(new PersistenceException(broken)).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new PersistenceException(refused)).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new PersistenceException(shuttingDown)).getStatus()).isEqualTo(503);
    }

    @Test
    void shouldAnswer503NotA401WhenTheSessionCheckCouldNotReachTheDatabase() {
        io.quarkus.security.AuthenticationFailedException unchecked = new io.quarkus.security.AuthenticationFailedException(
                new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC Connection",
                        new SQLException("Connection refused", "08001")));

        RestResponse<ErrorResponse> response = mappers.unauthorized(unchecked, null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    }
}
