package dev.ormadvisor.web;

import org.springframework.http.HttpStatus;

/** A management endpoint was called without the right to: 403 when they are disabled, 401 for a bad token. */
class AdminAccessDeniedException extends RuntimeException {

    private final HttpStatus status;

    AdminAccessDeniedException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
