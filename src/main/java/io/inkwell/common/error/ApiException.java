package io.inkwell.common.error;

/** A failure the client caused, answered with {@link #status()} and one message keyed by field. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static ApiException notFound(String field) {
        return new ApiException(404, field, "not found");
    }

    public static ApiException forbidden(String field, String message) {
        return new ApiException(403, field, message);
    }

    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, field, message);
    }

    public static ApiException taken(String field) {
        return unprocessable(field, "has already been taken");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
