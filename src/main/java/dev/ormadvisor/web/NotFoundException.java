package dev.ormadvisor.web;

/** Nothing is stored under the name the client asked for: a 404 problem, naming the path parameter when one says it. */
class NotFoundException extends RuntimeException {

    private final String parameter;

    NotFoundException(String detail) {
        this(null, detail);
    }

    NotFoundException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    /** The path parameter that named nothing stored, or {@code null}. */
    String parameter() {
        return parameter;
    }
}
