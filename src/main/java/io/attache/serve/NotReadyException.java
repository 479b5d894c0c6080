package io.attache.serve;

/**
 * A query that cannot be answered correctly right now (the instance is rebalancing or restoring, or
 * the owner of a key is unreachable). Answered with 503 and Retry-After, never with a partial result.
 */
public final class NotReadyException extends RuntimeException {

    public NotReadyException(String message) {
        super(message);
    }

    public NotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
