package dev.ormadvisor.web;

import java.io.IOException;

/**
 * A request body went over the limit. An {@link IOException}, because it surfaces from inside the body stream
 * while the JSON converter reads it; the problem handler finds it in the cause chain and answers 413.
 */
class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
