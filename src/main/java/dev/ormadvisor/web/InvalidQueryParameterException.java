package dev.ormadvisor.web;

import java.util.List;

/** A query parameter with a value outside its list; answered 400 naming the parameter and its allowed values. */
class InvalidQueryParameterException extends RuntimeException {

    private final String parameter;
    private final String value;
    private final List<String> allowedValues;

    InvalidQueryParameterException(String parameter, String value, List<String> allowedValues) {
        super("query parameter " + parameter + "=" + value + " is not one of " + allowedValues);
        this.parameter = parameter;
        this.value = value;
        this.allowedValues = List.copyOf(allowedValues);
    }

    String parameter() {
        return parameter;
    }

    String value() {
        return value;
    }

    List<String> allowedValues() {
        return allowedValues;
    }
}
