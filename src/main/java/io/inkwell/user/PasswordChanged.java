package io.inkwell.user;

/**
 * Fired, in the transaction that changes it, when a user's password changes: whatever must change
 * with it (other sessions end) commits or rolls back together with the new password.
 */
public record PasswordChanged(long userId) {
}
