package dev.ormadvisor.web;

/** Nothing is stored under the name the client asked for: a 404 problem. */
class NotFoundException extends RuntimeException {

    NotFoundException(String detail) {
        super(detail);
    }
}
