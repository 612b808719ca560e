package dev.ormadvisor.conclusions;

/** The summed evidence for each option, as added up by the verdict rules. */
public record Scores(int djangoOrm, int sqlalchemy) {

    public int total() {
        return djangoOrm + sqlalchemy;
    }

    /** How far the leader is ahead; 0 on a tie. */
    public int margin() {
        return Math.abs(djangoOrm - sqlalchemy);
    }

    /** The option with more weight, or {@code null} on a tie. */
    public Option leader() {
        if (djangoOrm == sqlalchemy) {
            return null;
        }
        return djangoOrm > sqlalchemy ? Option.DJANGO_ORM : Option.SQLALCHEMY;
    }

    public int of(Option option) {
        return option == Option.DJANGO_ORM ? djangoOrm : sqlalchemy;
    }
}
