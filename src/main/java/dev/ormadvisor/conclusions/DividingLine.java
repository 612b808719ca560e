package dev.ormadvisor.conclusions;

/**
 * The article's dividing line has been crossed: the web framework is chosen, and it decides the option
 * (Django means Django ORM, anything else means SQLAlchemy) whatever the softer factors weigh.
 */
public record DividingLine(Option option) {

    public DividingLine {
        if (option == null) {
            throw new IllegalArgumentException("a dividing line needs an option");
        }
    }
}
