package dev.ormadvisor.drafts;

/** The draft does not pass its check, so it is neither replayed nor published; {@link #check()} says why. */
public class DraftRefusedException extends RuntimeException {

    private final transient DraftCheck check;

    public DraftRefusedException(String message, DraftCheck check) {
        super(message);
        this.check = check;
    }

    public DraftCheck check() {
        return check;
    }
}
