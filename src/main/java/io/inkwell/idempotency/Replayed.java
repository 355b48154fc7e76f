package io.inkwell.idempotency;

/**
 * Thrown instead of doing a write again: its key already holds the first outcome, which {@link
 * IdempotencyMappers} answers. An exception, because a resource method's declared type cannot carry it.
 */
class Replayed extends RuntimeException {

    final Outcome outcome;

    Replayed(Outcome outcome) {
        super(null, null, false, false);
        this.outcome = outcome;
    }
}
