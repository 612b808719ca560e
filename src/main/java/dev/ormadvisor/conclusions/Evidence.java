package dev.ormadvisor.conclusions;

/**
 * Weight a rule adds to one option. Rules insert it ({@code insert(new Evidence(Option.SQLALCHEMY, 3));}); the
 * engine remembers which rule did, and the verdict rules add the weights up.
 */
public record Evidence(Option option, int weight) {

    public Evidence {
        if (option == null) {
            throw new IllegalArgumentException("evidence needs an option");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("evidence weight must be at least 1, was " + weight);
        }
    }
}
