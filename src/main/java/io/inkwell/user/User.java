package io.inkwell.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.inkwell.common.persistence.TimestampedEntity;
import io.quarkus.security.UnauthorizedException;

@Entity
@Table(name = "users")
public class User extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    /** NFKC-normalised; see {@link Usernames}. */
    @Column(nullable = false)
    public String username;

    /** {@link Usernames#skeleton}: unique, so no name looks like another. Null only for look-alikes older than V10. */
    @Column(name = "username_skeleton")
    public String usernameSkeleton;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    public String bio;

    public String image;

    /** When the current address was proven to be the user's; {@code null} until then. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    /** E-mail addresses are matched whatever their case, as the unique index does. */
    public static Optional<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    /** Usernames are unique whatever their case and width: /profiles/Alice and /profiles/ａｌｉｃｅ are one user. */
    public static Optional<User> findByUsername(String username) {
        return find("lower(username) = lower(?1)", Usernames.normalize(username)).firstResultOptional();
    }

    /** The user a valid token names; a token for a user who no longer exists is no longer valid. */
    public static User requireExisting(long id) {
        User user = findById(id);
        if (user == null) {
            throw new UnauthorizedException();
        }
        return user;
    }

    static boolean emailTakenByOther(String email, Long userId) {
        return count("lower(email) = lower(?1) and id <> ?2", email, userId == null ? -1L : userId) > 0;
    }

    /** Taken when another name is the same whatever its case, or looks the same (shares the skeleton). */
    static boolean usernameTakenByOther(String username, Long userId) {
        return count("(lower(username) = lower(?1) or usernameSkeleton = ?2) and id <> ?3",
                username, Usernames.skeleton(username), userId == null ? -1L : userId) > 0;
    }

    void rename(String username) {
        this.username = Usernames.normalize(username);
        this.usernameSkeleton = Usernames.skeleton(this.username);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof User user && id != null && id.equals(user.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
