package dev.ormadvisor.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The statement keys of the article, read from {@code statements.yaml} in the rules folder. */
public final class StatementCatalog {

    public static final String FILE_NAME = "statements.yaml";

    private final Map<String, Statement> byKey;

    public StatementCatalog(List<Statement> statements) {
        Map<String, Statement> keyed = new LinkedHashMap<>();
        statements.forEach(statement -> keyed.put(statement.key(), statement));
        this.byKey = keyed;
    }

    /** Reads the catalog; a missing or malformed file is a rule-base error a domain expert can act on. */
    public static StatementCatalog read(Path rulesDir) {
        Path file = rulesDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InvalidRuleBaseException(List.of(new RuleError(FILE_NAME, 0,
                    "the statement catalog is missing from " + rulesDir.toAbsolutePath())));
        }
        try {
            YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            CatalogFile parsed = yaml.readValue(Files.readString(file), CatalogFile.class);
            return new StatementCatalog(parsed.statements());
        } catch (JacksonException e) {
            throw new InvalidRuleBaseException(List.of(new RuleError(FILE_NAME, 0,
                    "cannot read the statement catalog: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidRuleBaseException(List.of(new RuleError(FILE_NAME, 0,
                    "cannot read the statement catalog: " + e.getMessage())));
        }
    }

    public Optional<Statement> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<Statement> statements() {
        return List.copyOf(byKey.values());
    }

    private record CatalogFile(List<Statement> statements) {
    }
}
