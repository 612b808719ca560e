package dev.ormadvisor.engine;

import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A throw-away rules folder for tests: the real statement catalog plus whatever DRL a test writes. */
final class RulesFolder {

    static final String HEADER = """
            package rules;

            import dev.ormadvisor.facts.*;
            import dev.ormadvisor.conclusions.*;

            """;

    private final Path dir;

    RulesFolder(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Files.copy(ShippedRules.DIR.resolve(StatementCatalog.FILE_NAME), dir.resolve(StatementCatalog.FILE_NAME),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder holding a copy of the shipped rules, to break or extend one file at a time. */
    static RulesFolder copyOfShippedRules(Path dir) {
        return new RulesFolder(ShippedRules.copyTo(dir));
    }

    RulesFolder file(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }
}
