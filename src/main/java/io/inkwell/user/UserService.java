package io.inkwell.user;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.error.ApiException;
import io.inkwell.common.security.PasswordHasher;

@ApplicationScoped
@Transactional
public class UserService {

    private final PasswordHasher passwords;
    private final UserEvents events;
    private final Event<Changed> changed;
    private final Event<PasswordChanged> passwordChanged;

    UserService(PasswordHasher passwords, UserEvents events, Event<Changed> changed,
            Event<PasswordChanged> passwordChanged) {
        this.passwords = passwords;
        this.events = events;
        this.changed = changed;
        this.passwordChanged = passwordChanged;
    }

    public User register(UserRequests.NewUser request) {
        // Hashed before the first statement: the pool's connection is taken lazily, and bcrypt's tens of
        // milliseconds should not hold it.
        String passwordHash = passwords.hash(request.password());
        rejectTaken(request.email(), Usernames.normalize(request.username()), null);
        User user = new User();
        user.email = request.email();
        user.rename(request.username());
        user.passwordHash = passwordHash;
        writeGuardingUniqueness(user::persist);
        events.registered(user);
        changed.fire(Changed.of(Topic.user(user.username)));
        return user;
    }

    /** Unknown e-mail and wrong password get the same answer, in about the same time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public User login(UserRequests.Credentials credentials) {
        User user = User.findByEmail(credentials.email()).orElse(null);
        if (user == null) {
            passwords.matchAgainstDecoy(credentials.password());
        } else if (passwords.matches(credentials.password(), user.passwordHash)) {
            return user;
        }
        events.loginFailed();
        throw new ApiException(401, "email or password", "is invalid");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public User require(long id) {
        return User.requireExisting(id);
    }

    public User update(long id, UserRequests.UserChanges changes) {
        if (changes.isEmpty()) {
            throw ApiException.unprocessable("user", "must contain at least one field to change");
        }
        User user = require(id);
        String username = changes.username() == null ? null : Usernames.normalize(changes.username());
        rejectTaken(changes.email(), username, user.id);
        String previousEmail = user.email;
        boolean newAddress = changes.email() != null && !changes.email().equalsIgnoreCase(previousEmail);
        Set<Topic> stale = new HashSet<>();
        if (username != null || changes.bio() != null || changes.image() != null) {
            stale.add(Topic.user(user.username)); // shown on profiles, articles and comments
            stale.add(Topic.user(username == null ? user.username : username));
        }
        if (changes.email() != null) {
            user.email = changes.email();
        }
        if (newAddress) {
            user.emailVerifiedAt = null;
            events.emailChanged(user, previousEmail);
        }
        if (changes.username() != null) {
            user.rename(changes.username());
        }
        if (changes.password() != null) {
            changePassword(user, changes.password());
        }
        if (changes.bio() != null) {
            user.bio = changes.bio().isEmpty() ? null : changes.bio();
        }
        if (changes.image() != null) {
            user.image = changes.image().isEmpty() ? null : changes.image();
        }
        writeGuardingUniqueness(() -> {
        });
        changed.fire(Changed.of(stale));
        return user;
    }

    /**
     * The one way a password changes: PUT /api/user and the password reset both come here. Sessions
     * other than the caller's end with it (all of them on a reset). The owner gets a notice mail.
     */
    public void changePassword(User user, String newPassword) {
        user.passwordHash = passwords.hash(newPassword);
        passwordChanged.fire(new PasswordChanged(user.id));
        events.passwordChanged(user);
    }

    /** Marks {@code address} verified, provided it is still the user's address; false otherwise. */
    public boolean confirmEmail(long userId, String address) {
        User user = User.findById(userId);
        if (user == null || !user.email.equalsIgnoreCase(address)) {
            return false;
        }
        if (user.emailVerifiedAt == null) {
            user.emailVerifiedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }
        return true;
    }

    private static void rejectTaken(String email, String username, Long userId) {
        if (email != null && User.emailTakenByOther(email, userId)) {
            throw ApiException.taken("email");
        }
        if (username != null && User.usernameTakenByOther(username, userId)) {
            throw ApiException.taken("username");
        }
    }

    /**
     * The unique indexes (e-mail, username, username skeleton) decide when two requests claim the same
     * or look-alike names at once. With
     * identity ids an INSERT runs at persist(), an UPDATE at flush: both are guarded.
     */
    private static void writeGuardingUniqueness(Runnable write) {
        try {
            write.run();
            User.flush();
        } catch (PersistenceException e) {
            String constraint = violatedConstraint(e);
            if (constraint != null && constraint.contains("users_email")) {
                throw ApiException.taken("email");
            }
            if (constraint != null && constraint.contains("users_username")) {
                throw ApiException.taken("username");
            }
            throw e;
        }
    }

    /** Hibernate throws its ConstraintViolationException itself or wrapped, depending on the operation. */
    private static String violatedConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation.getConstraintName();
            }
        }
        return null;
    }
}
