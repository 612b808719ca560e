package dev.ormadvisor.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
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
 */
public final class RuleBaseCompiler {

    /** Drools adds this after the real parse error of a file; it tells a domain expert nothing. */
    private static final String PARSER_NOISE = "Parser returned a null Package";

    private final int maxFirings;

    public RuleBaseCompiler(int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        this.maxFirings = maxFirings;
    }

    public RuleBase compile(Path rulesDir) {
        RuleSources sources = RuleSources.read(rulesDir);
        StatementCatalog catalog = StatementCatalog.read(rulesDir);
        KieBase kieBase = build(sources);
        List<RuleDefinition> rules = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                rules.add(describe(rule, sources, catalog, errors));
            }
        }
        checkNamesAreUnique(rules, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRuleBaseException(sorted(errors));
        }
        rules.sort(Comparator.comparing(RuleDefinition::file).thenComparingInt(RuleDefinition::line));
        return new RuleBase(kieBase, sources, catalog, rules, maxFirings);
    }

    private KieBase build(RuleSources sources) {
        // A file-watcher or executor thread has the system class loader as its context loader, and inside the
        // fat jar Drools then cannot see the fact classes: always build with the application's loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleBaseCompiler.class.getClassLoader());
        try {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            List<RuleError> errors = new ArrayList<>();
            sources.files().forEach((file, text) -> {
                Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
                resource.setSourcePath(file);
                try {
                    builder.add(resource, ResourceType.DRL);
                } catch (RuntimeException e) {
                    errors.add(new RuleError(file, 0, "Drools could not read this file: " + e.getMessage()));
                }
            });
            for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
                if (!result.getMessage().contains(PARSER_NOISE)) {
                    errors.add(toError(result));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidRuleBaseException(sorted(errors));
            }
            return builder.newKieBase();
        } finally {
            thread.setContextClassLoader(previous);
        }
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

    private RuleDefinition describe(Rule rule, RuleSources sources, StatementCatalog catalog,
            List<RuleError> errors) {
        String file = ((RuleImpl) rule).getResource().getSourcePath();
        int line = lineOf(rule.getName(), sources.files().get(file));
        RuleMetadata metadata = RuleMetadata.of(rule.getMetaData());
        metadata.problems().forEach(problem -> errors.add(new RuleError(file, line,
                "rule \"" + rule.getName() + "\" " + problem)));
        for (String key : metadata.statements()) {
            catalog.find(key).ifPresentOrElse(statement -> {
                if (metadata.kind() != null && statement.kind() != metadata.kind()) {
                    errors.add(new RuleError(file, line, "rule \"" + rule.getName() + "\" is a " + metadata.kind()
                            + " rule but cites " + key + ", which is a " + statement.kind() + " statement"));
                }
            }, () -> errors.add(new RuleError(file, line, "rule \"" + rule.getName() + "\" cites statement "
                    + key + ", which is not in " + StatementCatalog.FILE_NAME)));
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
