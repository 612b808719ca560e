package dev.ormadvisor.engine;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The safety check: a parsed DRL file ({@link PackageDescr}) may use only the rule language of
 * {@link RuleLanguage}, because the service compiles and runs whatever is in the rules folder. It runs on the
 * descriptors before anything is compiled, so a refused rule is never built, let alone fired. Whatever it does not
 * positively recognise is refused, at its file and line, with what is allowed instead.
 */
final class RuleLanguageCheck {

    private RuleLanguageCheck() {
    }

    /** {@code drl} is the text {@code descr} was parsed from, to place each consequence statement on its line. */
    static Violations check(String file, String drl, PackageDescr descr) {
        Violations violations = new Violations(file);
        for (ImportDescr imported : descr.getImports()) {
            if (!RuleLanguage.isAllowedImport(imported.getTarget())) {
                violations.refuse(imported.getLine(), "import " + imported.getTarget() + " is not allowed: "
                        + RuleLanguage.IMPORTS);
            }
        }
        refuseAll(violations, "import function", descr.getFunctionImports(), RuleLanguage.IMPORTS);
        refuseAll(violations, "import accumulate", descr.getAccumulateImports(), RuleLanguage.IMPORTS);
        refuseAll(violations, "function", descr.getFunctions(), "conditions compare fields (" + RuleLanguage.CONSTRAINTS
                + ") and consequences insert conclusions, so rules need no functions");
        refuseAll(violations, "global", descr.getGlobals(), "rules read only the facts they match and record only"
                + " conclusions, so they need no globals");
        refuseAll(violations, "declare", descr.getTypeDeclarations(), "rules match the fact and conclusion types of"
                + " the service; ask for a new field or type instead of declaring one");
        refuseAll(violations, "declare enum", descr.getEnumDeclarations(), "use the enums of dev.ormadvisor.facts");
        refuseAll(violations, "declare entry-point", descr.getEntryPointDeclarations(), RuleLanguage.CONDITIONS);
        refuseAll(violations, "declare window", descr.getWindowDeclarations(), RuleLanguage.CONDITIONS);
        refuseAll(violations, "a package attribute", descr.getAttributes(), RuleLanguage.RULE_HEADER);
        if (descr.getUnit() != null) {
            violations.refuse(descr.getUnit().getLine(), "unit is not part of the rule language: write plain rules");
        }
        List<String> lines = drl.lines().toList();
        JavaSyntax syntax = new JavaSyntax();
        for (RuleDescr rule : descr.getRules()) {
            if (rule.isQuery()) {
                violations.refuse(rule.getLine(), "query \"" + rule.getName() + "\" is not allowed: the service asks"
                        + " the rule base for its conclusions itself, so rules need no queries");
            } else {
                rule(rule, lines, new RuleUnderCheck(rule.getName(), new RuleScope(), violations, syntax));
            }
        }
        return violations;
    }

    private static void rule(RuleDescr rule, List<String> lines, RuleUnderCheck underCheck) {
        Violations violations = underCheck.violations();
        String subject = "rule \"" + rule.getName() + "\": ";
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            boolean wholeNumber = underCheck.syntax().expression(attribute.getValue().getValue())
                    .filter(value -> RuleLanguage.isLiteral(value) && value.toString().matches("[-+]?\\s*\\d+"))
                    .isPresent();
            if (!attribute.getKey().equals(RuleLanguage.SALIENCE) || !wholeNumber) {
                violations.refuse(lineOf(attribute.getValue(), rule), subject + "the attribute " + attribute.getKey()
                        + " " + attribute.getValue().getValue() + " is not allowed: " + RuleLanguage.RULE_HEADER);
            }
        }
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            if (!annotation.getValueMap().values().stream()
                    .allMatch(value -> isLiteralList(value, underCheck.syntax()))) {
                violations.refuse(lineOf(annotation, rule), subject + "@" + annotation.getName()
                        + " holding anything but text in quotes or a number is not allowed: "
                        + RuleLanguage.RULE_HEADER);
            }
        }
        new ConditionCheck(underCheck).element(rule.getLhs(), rule.getLine());
        if (!rule.getNamedConsequences().isEmpty()) {
            violations.refuse(rule.getConsequenceLine(), subject + "named consequences are not allowed: "
                    + RuleLanguage.CONSEQUENCES);
        }
        if (rule.getConsequence() instanceof String consequence) {
            new ConsequenceCheck(underCheck)
                    .check(consequence, firstLineOf(consequence, rule.getConsequenceLine(), lines));
        } else if (rule.getConsequence() != null) {
            violations.refuse(rule.getConsequenceLine(), subject + "this consequence is not allowed: "
                    + RuleLanguage.CONSEQUENCES);
        }
    }

    /**
     * {@code "DJ-1"}, {@code 3} or {@code "DJ-2", "DJ-4"}: Drools evaluates a tag's value that is not plain text,
     * so it must be nothing but literals.
     */
    private static boolean isLiteralList(Object value, JavaSyntax syntax) {
        return value instanceof String text && syntax.expression("values(" + text + ")")
                .filter(expression -> expression instanceof MethodCallExpr call && call.getScope().isEmpty()
                        && call.getNameAsString().equals("values")
                        && call.getArguments().stream().allMatch(RuleLanguage::isLiteral))
                .isPresent();
    }

    private static void refuseAll(Violations violations, String keyword, Collection<? extends BaseDescr> found,
            String instead) {
        found.forEach(descr -> violations.refuse(descr.getLine(), keyword + " is not part of the rule language: "
                + instead));
    }

    /**
     * Drools strips the blank lines between {@code then} and the first statement: find where its first line is,
     * from the {@code then} line on.
     */
    private static int firstLineOf(String consequence, int thenLine, List<String> lines) {
        String first = consequence.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
        for (int index = Math.max(thenLine - 1, 0); index < lines.size(); index++) {
            if (!first.isEmpty() && lines.get(index).contains(first)) {
                return index + 1;
            }
        }
        return thenLine;
    }

    private static int lineOf(BaseDescr descr, RuleDescr rule) {
        return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
    }
}
