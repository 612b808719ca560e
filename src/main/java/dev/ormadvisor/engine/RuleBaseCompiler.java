package dev.ormadvisor.engine;

import dev.ormadvisor.decisiontables.DecisionTable;
import dev.ormadvisor.decisiontables.TableFormat;
import dev.ormadvisor.decisiontables.Translation;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Turns a rules folder into a {@link RuleBase}, or into the complete list of what is wrong with it. Each build
 * uses its own {@link KnowledgeBuilder}, so builds never share state (unlike KieHelper's fixed ReleaseId).
 * Decision tables are turned into DRL first ({@link DecisionTable}) and compiled with the DRL files; every
 * problem in a table is reported at its row (as {@code line}) and column, never at a generated DRL line.
 */
public final class RuleBaseCompiler {

    private final int maxFirings;
    private final AtomicReference<ClassLookups> classLookups =
            new AtomicReference<>(ClassLookups.first(RuleBaseCompiler.class.getClassLoader()));

    public RuleBaseCompiler(int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        this.maxFirings = maxFirings;
    }

    public RuleBase compile(Path rulesDir) {
        RuleSources sources = RuleSources.read(rulesDir);
        StatementCatalog catalog = StatementCatalog.read(rulesDir);
        Map<String, Translation> tables = new TreeMap<>();
        List<RuleError> errors = new ArrayList<>();
        sources.ruleFiles().keySet().forEach(file -> TableFormat.of(file).ifPresent(format -> {
            Translation table = DecisionTable.translate(format, sources.content(file));
            table.problems().forEach(problem -> errors.add(new RuleError(file, problem.row(), problem.column(),
                    problem.message())));
            tables.put(file, table);
        }));
        KieBase kieBase = build(sources, tables, errors);
        List<RuleDefinition> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                rules.add(describe(rule, sources, tables, catalog, errors));
            }
        }
        checkNamesAreUnique(rules, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRuleBaseException(sorted(errors));
        }
        rules.sort(Comparator.comparing(RuleDefinition::file).thenComparingInt(RuleDefinition::line));
        Map<String, String> generatedFromWorkbooks = new TreeMap<>();
        tables.forEach((file, table) -> {
            if (TableFormat.of(file).orElseThrow() == TableFormat.XLSX) {
                generatedFromWorkbooks.put(file, table.drl().orElseThrow());
            }
        });
        return new RuleBase(kieBase, sources.withGeneratedDrl(generatedFromWorkbooks), catalog, rules, maxFirings);
    }

    /**
     * Parses the DRL files, then the DRL generated from each table that could be read, and checks every parsed
     * file against the rule language ({@link RuleLanguageCheck}) before anything is compiled: a folder with a rule
     * outside it stops here, with nothing built. Otherwise the checked descriptors themselves, never the text
     * again, are compiled in one builder: one rule base version (tables after the DRL files, so a folder without
     * tables compiles exactly as before). A file the check found a mistake in (a field that does not exist) is
     * left out of the build, its errors reported with the others. Any error so far stops here, with every error
     * found.
     */
    private KieBase build(RuleSources sources, Map<String, Translation> tables, List<RuleError> errors) {
        Map<String, PackageDescr> checked = new LinkedHashMap<>();
        List<RuleError> outsideTheLanguage = new ArrayList<>();
        Map<String, String> drlByFile = new LinkedHashMap<>();
        sources.ruleFiles().forEach((file, text) -> {
            if (TableFormat.of(file).isEmpty()) {
                drlByFile.put(file, text);
            }
        });
        tables.forEach((file, table) -> table.drl().ifPresent(drl -> drlByFile.put(file, drl)));
        drlByFile.forEach((file, drl) -> parse(file, drl, tables, errors).ifPresent(descr -> {
            Violations found = RuleLanguageCheck.check(file, drl, descr);
            Translation table = tables.get(file);
            UnaryOperator<RuleError> located = table == null ? error -> error
                    : error -> atTableRow(error, table, error.message());
            found.refused().stream().map(located).forEach(outsideTheLanguage::add);
            found.mistakes().stream().map(located).forEach(errors::add);
            if (found.none()) {
                checked.put(file, descr);
            }
        }));
        if (!outsideTheLanguage.isEmpty()) {
            outsideTheLanguage.addAll(errors);
            throw new RefusedRulesException(sorted(outsideTheLanguage));
        }
        // A file-watcher or executor thread has the system class loader as its context loader, and inside the
        // fat jar Drools then cannot see the fact classes: always build with the application's loader.
        ClassLookups classes = classLookups.updateAndGet(ClassLookups::next);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classes);
        try {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classes));
            checked.forEach((file, descr) -> add(builder, file, descr, errors));
            for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
                errors.add(toError(result, tables));
            }
            if (!errors.isEmpty()) {
                throw new InvalidRuleBaseException(sorted(errors));
            }
            return builder.newKieBase();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The file's descriptors, or empty with its syntax errors added (such a file is never compiled). */
    private static Optional<PackageDescr> parse(String file, String drl, Map<String, Translation> tables,
            List<RuleError> errors) {
        Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(file);
        DrlParser parser = new DrlParser();
        try {
            PackageDescr descr = parser.parse(resource, new StringReader(drl));
            parser.getErrors().forEach(error -> errors.add(toError(error, tables)));
            return parser.hasErrors() || descr == null ? Optional.empty() : Optional.of(descr);
        } catch (DroolsParserException | RuntimeException e) {
            errors.add(new RuleError(file, 0, "Drools could not read this file: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static void add(KnowledgeBuilder builder, String file, PackageDescr descr, List<RuleError> errors) {
        try {
            builder.add(ResourceFactory.newDescrResource(descr), ResourceType.DESCR);
        } catch (RuntimeException e) {
            errors.add(new RuleError(file, 0, "Drools could not compile this file: " + e.getMessage()));
        }
    }

    /**
     * A builder message about generated DRL is moved to the table's row and, when it can be told, column: its
     * author never saw the generated lines.
     */
    private static RuleError toError(KnowledgeBuilderResult result, Map<String, Translation> tables) {
        RuleError error = toError(result);
        Translation table = tables.get(error.file());
        return table == null ? error : atTableRow(error, table, result.getMessage());
    }

    /** {@code drlMessage} is the message as Drools wrote it, which may name the generated column. */
    private static RuleError atTableRow(RuleError error, Translation table, String drlMessage) {
        int row = table.rowAt(error.line());
        Optional<Translation.Column> column = table.columnAt(error.line(), drlMessage);
        String where = row == 0 ? "the RuleSet or Import cells: "
                : column.map(c -> "the cell under \"" + c.title() + "\": ").orElse("this row: ");
        return new RuleError(error.file(), row, column.map(Translation.Column::letters).orElse(null),
                where + Translation.withoutGeneratedPosition(error.message()));
    }

    private static RuleError toError(KnowledgeBuilderResult result) {
        String file = result.getResource() == null ? "?" : result.getResource().getSourcePath();
        int line = Arrays.stream(result.getLines()).filter(l -> l > 0).findFirst().orElse(0);
        String severity = result.getSeverity() == ResultSeverity.WARNING ? "warning: " : "";
        return new RuleError(file, line, severity + oneLine(result.getMessage()));
    }

    /**
     * Drools spreads an error over several lines with a caret drawing and its own line/column, which we already
     * report: keep the words, on one line, so {@code file:line: message} stays one line.
     */
    static String oneLine(String message) {
        return message.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("[Near") && !line.startsWith("[Line:")
                        && !line.equals("^"))
                .map(line -> line.startsWith("[Error: ") && line.endsWith("]")
                        ? line.substring("[Error: ".length(), line.length() - 1) : line)
                .collect(Collectors.joining(" "));
    }

    private RuleDefinition describe(Rule rule, RuleSources sources, Map<String, Translation> tables,
            StatementCatalog catalog, List<RuleError> errors) {
        String file = ((RuleImpl) rule).getResource().getSourcePath();
        Translation table = tables.get(file);
        int line = table == null ? lineOf(rule.getName(), sources.files().get(file)) : table.rowOf(rule.getName());
        RuleMetadata metadata = RuleMetadata.of(rule.getMetaData());
        String subject = "rule \"" + rule.getName() + "\" ";
        for (RuleMetadata.Problem problem : metadata.problems()) {
            if (table == null) {
                errors.add(new RuleError(file, line, subject + problem.inDrl()));
            } else {
                Optional<Translation.Column> column = table.metadataColumn(line, problem.tag());
                errors.add(new RuleError(file, line, column.map(Translation.Column::letters).orElse(null),
                        subject + problem.inTable() + column.map(c -> " (the cell under \"" + c.title() + "\")")
                                .orElse(" (the table has no METADATA column " + problem.tag()
                                        + "(\"$param\"); add one)")));
            }
        }
        String statementsColumn = table == null ? null : table.metadataColumn(line, RuleMetadata.STATEMENTS)
                .map(Translation.Column::letters).orElse(null);
        for (String key : metadata.statements()) {
            catalog.find(key).ifPresentOrElse(statement -> {
                if (metadata.kind() != null && statement.kind() != metadata.kind()) {
                    errors.add(new RuleError(file, line, statementsColumn, subject + "is a " + metadata.kind()
                            + " rule but cites " + key + ", which is a " + statement.kind() + " statement"));
                }
            }, () -> errors.add(new RuleError(file, line, statementsColumn, subject + "cites statement " + key
                    + ", which is not in " + StatementCatalog.FILE_NAME)));
        }
        return new RuleDefinition(rule.getName(), file, line, metadata.kind(), metadata.statements(),
                metadata.explanation());
    }

    private static void checkNamesAreUnique(List<RuleDefinition> rules, List<RuleError> errors) {
        Map<String, RuleDefinition> seen = new HashMap<>();
        for (RuleDefinition rule : rules) {
            RuleDefinition earlier = seen.putIfAbsent(rule.name(), rule);
            if (earlier != null) {
                errors.add(new RuleError(rule.file(), rule.line(), "rule name \"" + rule.name()
                        + "\" is also used in " + earlier.file() + ": rule names must be unique across the rule base"));
            }
        }
    }

    static int lineOf(String ruleName, String text) {
        Matcher matcher = Pattern.compile("^[ \\t]*rule[ \\t]+(\"" + Pattern.quote(ruleName) + "\"|'"
                + Pattern.quote(ruleName) + "'|" + Pattern.quote(ruleName) + "\\s)", Pattern.MULTILINE)
                .matcher(text == null ? "" : text);
        return matcher.find() ? (int) text.substring(0, matcher.start()).lines().count() + 1 : 0;
    }

    private static List<RuleError> sorted(List<RuleError> errors) {
        return errors.stream().distinct()
                .sorted(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line)).toList();
    }
}
