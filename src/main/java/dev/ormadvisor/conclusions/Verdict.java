package dev.ormadvisor.conclusions;

/** The conclusion a VERDICT rule inserts; exactly one per evaluation. */
public record Verdict(Choice choice, Confidence confidence) {

    public Verdict {
        if (choice == null || confidence == null) {
            throw new IllegalArgumentException("a verdict needs a choice and a confidence");
        }
    }

    public static Verdict recommend(Option option, Confidence confidence) {
        return new Verdict(Choice.of(option), confidence);
    }

    public static Verdict noClearWinner() {
        return new Verdict(Choice.NO_CLEAR_WINNER, Confidence.LOW);
    }
}
