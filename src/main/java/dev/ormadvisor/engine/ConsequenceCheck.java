package dev.ormadvisor.engine;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Optional;

/**
 * The consequence of one rule against {@link RuleLanguage}: one {@code insert} of a conclusion per statement, and
 * nothing else. Reads the consequence as a Java block; a statement is reported at its own line.
 */
final class ConsequenceCheck {

    private final RuleUnderCheck rule;
    private final RuleScope scope;

    ConsequenceCheck(RuleUnderCheck rule) {
        this.rule = rule;
        this.scope = rule.scope();
    }

    /** {@code firstLine} is the file's line the consequence text starts on. */
    void check(String consequence, int firstLine) {
        Optional<BlockStmt> block = rule.syntax().block(consequence);
        if (block.isEmpty()) {
            refuse(firstLine, "a consequence that is not plain Java statements is not allowed");
            return;
        }
        for (Statement statement : block.get().getStatements()) {
            int line = firstLine + statement.getBegin().map(position -> position.line - 1).orElse(0);
            if (!isInsertOfConclusion(statement)) {
                refuse(line, "\"" + oneLine(statement) + "\" is not allowed");
            }
        }
    }

    private boolean isInsertOfConclusion(Statement statement) {
        return statement instanceof ExpressionStmt expression
                && expression.getExpression() instanceof MethodCallExpr insert
                && insert.getScope().isEmpty() && insert.getTypeArguments().isEmpty()
                && "insert".equals(insert.getNameAsString()) && insert.getArguments().size() == 1
                && isConclusion(insert.getArgument(0));
    }

    /** {@code new Evidence( Option.DJANGO_ORM, 3 )} or {@code Verdict.recommend( $option, Confidence.HIGH )}. */
    private boolean isConclusion(Expression expression) {
        if (expression instanceof ObjectCreationExpr creation) {
            return creation.getScope().isEmpty() && creation.getAnonymousClassBody().isEmpty()
                    && creation.getTypeArguments().isEmpty() && creation.getType().getScope().isEmpty()
                    && creation.getType().getTypeArguments().isEmpty()
                    && RuleLanguage.CONCLUSIONS.contains(creation.getType().getNameAsString())
                    && creation.getArguments().stream().allMatch(this::isValue);
        }
        return expression instanceof MethodCallExpr factory && factory.getTypeArguments().isEmpty()
                && factory.getScope().filter(NameExpr.class::isInstance)
                        .map(type -> ((NameExpr) type).getNameAsString().equals(RuleLanguage.VERDICT)).orElse(false)
                && RuleLanguage.VERDICT_FACTORIES.contains(factory.getNameAsString())
                && factory.getArguments().stream().allMatch(this::isValue);
    }

    /** A literal, an enum constant, a {@code $variable} bound in the conditions, or {@code $sum.intValue()}. */
    private boolean isValue(Expression expression) {
        if (expression instanceof NameExpr variable) {
            return scope.isBound(variable.getNameAsString());
        }
        if (expression instanceof MethodCallExpr conversion) {
            return conversion.getArguments().isEmpty() && conversion.getTypeArguments().isEmpty()
                    && RuleLanguage.SUM_CONVERSIONS.contains(conversion.getNameAsString())
                    && conversion.getScope().filter(NameExpr.class::isInstance)
                            .map(sum -> scope.isSum(((NameExpr) sum).getNameAsString())).orElse(false);
        }
        return RuleLanguage.isLiteral(expression) || RuleLanguage.isEnumConstant(expression);
    }

    private void refuse(int line, String what) {
        rule.refuse(line, what + ": " + RuleLanguage.CONSEQUENCES);
    }

    private static String oneLine(Statement statement) {
        String text = statement.toString().replaceAll("\\s+", " ").strip();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
