package dev.ormadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped {@code rules/} folder, for tests that need their own copy to change one file at a time. */
public final class ShippedRules {

    public static final Path DIR = Path.of("rules");

    /** A rule that adds nothing the shipped scenarios care about, to make a visibly different rule set. */
    public static final String EXTRA_RULE = """
            package rules;

            import dev.ormadvisor.facts.*;
            import dev.ormadvisor.conclusions.*;

            rule "Small teams move faster with Django ORM"
                @statements("DJ-2") @kind("CHOOSE") @explanation("Added while the service runs.")
            when
                Team( size != null && size <= 5 )
            then
                insert( new Evidence( Option.DJANGO_ORM, 1 ) );
            end
            """;

    /**
     * A rule, to append to a file of the shipped rules (which has the imports), that gives SQLAlchemy 100 points for
     * any project: every verdict it sees flips to SQLAlchemy.
     */
    public static final String FLIPS_EVERY_VERDICT = """

            rule "Every project is SQLAlchemy now"
                @statements("SA-1") @kind("CHOOSE") @explanation("A draft that flips every verdict.")
            when
                Project()
            then
                insert( new Evidence( Option.SQLALCHEMY, 100 ) );
            end
            """;

    private ShippedRules() {
    }

    /** Copies the whole folder (statement catalog and scenarios included) into {@code target}. */
    public static Path copyTo(Path target) {
        try (Stream<Path> paths = Files.walk(DIR)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(DIR.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy in a fresh temporary folder, for tests whose folder must exist before JUnit's {@code @TempDir}. */
    public static Path copyToTemporaryFolder() {
        try {
            return copyTo(Files.createTempDirectory("rules-copy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
