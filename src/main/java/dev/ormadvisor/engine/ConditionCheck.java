package dev.ormadvisor.engine;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * The conditions of one rule against {@link RuleLanguage}: fact patterns and their constraints, {@code not},
 * {@code exists}, {@code or}, accumulate sums and {@code from} over a fact's field. Every variable a condition
 * binds goes into the rule's {@link RuleScope}, in order, for the constraints after it and the consequence.
 */
final class ConditionCheck {

    private final RuleUnderCheck rule;
    private final RuleScope scope;

    ConditionCheck(RuleUnderCheck rule) {
        this.rule = rule;
        this.scope = rule.scope();
    }

    void element(BaseDescr element, int line) {
        int at = lineOf(element, line);
        if (element instanceof AndDescr || element instanceof OrDescr || element instanceof NotDescr
                || element instanceof ExistsDescr) {
            ((ConditionalElementDescr) element).getDescrs().forEach(child -> element((BaseDescr) child, at));
        } else if (element instanceof PatternDescr pattern) {
            pattern(pattern, at);
        } else {
            refuse(at, keyword(element) + " is not part of the rule language: " + RuleLanguage.CONDITIONS);
        }
    }

    private void pattern(PatternDescr pattern, int line) {
        if (pattern.isQuery() || !pattern.getBehaviors().isEmpty() || !pattern.getAnnotations().isEmpty()) {
            refuse(line, "a query call, window or annotation in pattern " + pattern.getObjectType()
                    + " is not allowed: "
                    + RuleLanguage.CONDITIONS);
            return;
        }
        if (pattern.getSource() instanceof AccumulateDescr accumulate && "Object".equals(pattern.getObjectType())
                && pattern.getIdentifier() == null && pattern.getDescrs().isEmpty()) {
            accumulate(accumulate, line);
            return;
        }
        Optional<Class<?>> type = RuleLanguage.factType(pattern.getObjectType());
        if (type.isEmpty()) {
            refuse(line, "pattern " + pattern.getObjectType() + " is not allowed: patterns match the classes"
                    + " of dev.ormadvisor.facts and dev.ormadvisor.conclusions, such as Project, Team or Evidence");
            return;
        }
        if (pattern.getSource() instanceof FromDescr from) {
            from(from, line);
        } else if (pattern.getSource() != null) {
            refuse(line, keyword(pattern.getSource()) + " is not part of the rule language: "
                    + RuleLanguage.CONDITIONS);
        }
        if (pattern.getIdentifier() != null) {
            scope.bind(pattern.getIdentifier(), type);
        }
        for (Object constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr && expr.getType() == ExprConstraintDescr.Type.NAMED) {
                constraint(expr.getExpression(), type.get(), lineOf(expr, line));
            } else {
                refuse(lineOf((BaseDescr) constraint, line), "the positional constraint \"" + constraint
                        + "\" is not allowed: "
                        + RuleLanguage.CONSTRAINTS);
            }
        }
    }

    /** Only {@code accumulate( Fact( ..., $w : field ); $total : sum( $w ) )}: no inline code, no other function. */
    private void accumulate(AccumulateDescr accumulate, int line) {
        if (!accumulate.isExternalFunction()) {
            refuse(line, "accumulate with init/action/result code is not part of the rule language: "
                    + RuleLanguage.CONDITIONS);
            return;
        }
        element(accumulate.getInput(), line);
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            boolean sumOfVariable = RuleLanguage.ACCUMULATE_FUNCTIONS.contains(function.getFunction())
                    && function.getParams().length == 1 && scope.isBound(function.getParams()[0].strip());
            if (!sumOfVariable || function.getBind() == null || function.isUnification()) {
                refuse(line, "accumulate " + function.getFunction() + "(" + String.join(", ", function.getParams())
                        + ") is not part of the rule language: accumulate only as $total : sum( $w ), where $w is"
                        + " bound to a field of the accumulated fact");
            } else {
                scope.bindSum(function.getBind());
            }
        }
    }

    /** {@code from $fact.field} only: the source is a fact bound earlier, read through one of its fields. */
    private void from(FromDescr from, int line) {
        boolean factField = rule.syntax().expression(from.getExpression())
                .filter(FieldAccessExpr.class::isInstance).map(FieldAccessExpr.class::cast)
                .filter(access -> access.getScope() instanceof NameExpr variable
                        && scope.factType(variable.getNameAsString())
                                .map(type -> RuleLanguage.properties(type).contains(access.getNameAsString()))
                                .orElse(false))
                .isPresent();
        if (!factField) {
            refuse(line, "from " + from.getExpression() + " is not allowed: from may only read a field of a fact"
                    + " bound earlier in the rule, such as LeaningReason( this == LeaningReason.HYPE ) from"
                    + " $leaning.reasons");
        }
    }

    private void constraint(String expression, Class<?> type, int line) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr tree = parser.parse(expression);
        if (parser.hasErrors() || tree == null) {
            refuse(line, "the constraint \"" + expression + "\" is not allowed: " + RuleLanguage.CONSTRAINTS);
            return;
        }
        new Constraint(expression, type, line).part(tree);
    }

    /** One constraint of a pattern of the given fact type, walked through the tree Drools' parser gives. */
    private final class Constraint {

        private final String text;
        private final Class<?> type;
        private final int line;

        Constraint(String text, Class<?> type, int line) {
            this.text = text;
            this.type = type;
            this.line = line;
        }

        void part(BaseDescr part) {
            if (part instanceof ConstraintConnectiveDescr connective
                    && (connective.getConnective() == ConnectiveType.AND
                            || connective.getConnective() == ConnectiveType.OR)) {
                connective.getDescrs().forEach(this::part);
            } else if (part instanceof RelationalExprDescr relation) {
                if (!RuleLanguage.OPERATORS.contains(relation.getOperator()) || relation.isNegated()
                        || relation.getParameters() != null && !relation.getParameters().isEmpty()) {
                    refuseHere("the operator " + (relation.isNegated() ? "not " : "") + relation.getOperator()
                            + " is not allowed");
                }
                part(relation.getLeft());
                part(relation.getRight());
            } else if (part instanceof AtomicExprDescr atom) {
                operand(atom.getExpression());
            } else if (part instanceof BindingDescr binding) {
                bind(binding);
            } else {
                refuseHere("\"" + part + "\" is not allowed");
            }
        }

        private void bind(BindingDescr binding) {
            String field = binding.getExpression().strip();
            boolean plainName = rule.syntax().expression(field).filter(NameExpr.class::isInstance).isPresent();
            if (!binding.isUnification() && plainName && !RuleLanguage.properties(type).contains(field)) {
                notAField(field);
                return;
            }
            if (binding.isUnification() || !RuleLanguage.properties(type).contains(field)) {
                refuseHere("binding " + field + ", which is not a field of " + type.getSimpleName()
                        + ", is not allowed");
                return;
            }
            scope.bind(binding.getVariable(), RuleLanguage.propertyType(type, field)
                    .filter(fieldType -> RuleLanguage.factType(fieldType.getName()).isPresent()));
        }

        /**
         * A literal, an enum constant, a field of the pattern's fact, the fact itself ({@code this}) or a variable
         * bound earlier; nothing else.
         */
        private void operand(String operand) {
            Optional<Expression> expression = rule.syntax().expression(operand);
            boolean allowed = expression.filter(e -> RuleLanguage.isLiteral(e) || RuleLanguage.isEnumConstant(e)
                    || e instanceof ThisExpr self && self.getTypeName().isEmpty()
                    || e instanceof NameExpr name && (RuleLanguage.properties(type).contains(name.getNameAsString())
                            || scope.isBound(name.getNameAsString()))).isPresent();
            if (!allowed && expression.filter(NameExpr.class::isInstance).isPresent()) {
                notAField(operand);
            } else if (!allowed) {
                refuseHere(operand + " is not allowed: it is not a field of " + type.getSimpleName() + ", a literal,"
                        + " an enum constant or a bound $variable (method calls, static fields and other classes are"
                        + " refused)");
            }
        }

        /** A plain name that is no field and no variable: a typo, kept from the compiler all the same. */
        private void notAField(String name) {
            rule.mistake(line, "in \"" + text + "\": " + name + " is not a field of " + type.getSimpleName()
                    + " nor a $variable bound earlier; the fields of " + type.getSimpleName() + " are "
                    + String.join(", ", new TreeSet<>(RuleLanguage.properties(type))));
        }

        private void refuseHere(String what) {
            refuse(line, "in \"" + text + "\": " + what + "; " + RuleLanguage.CONSTRAINTS);
        }
    }

    private void refuse(int line, String message) {
        rule.refuse(line, message);
    }

    private static int lineOf(BaseDescr descr, int fallback) {
        return descr.getLine() > 0 ? descr.getLine() : fallback;
    }

    /** How the refused element reads in DRL: EvalDescr is {@code eval}, CollectDescr {@code collect}... */
    static String keyword(Object descr) {
        String name = descr.getClass().getSimpleName().replaceFirst("Descr$", "");
        return Arrays.stream(name.split("(?=[A-Z])")).map(String::toLowerCase)
                .reduce((first, second) -> first + "-" + second).orElse(name);
    }
}
