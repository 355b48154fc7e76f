package io.inkwell.idempotency;

/** What a write answered: its status and JSON body ({@code null} for none), as stored under its key. */
record Outcome(int status, String body) {
}
