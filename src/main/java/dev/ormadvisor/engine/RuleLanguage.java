package dev.ormadvisor.engine;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.ormadvisor.conclusions.Verdict;
import dev.ormadvisor.facts.Project;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a rule may say, in one place: the rules folder is code the service compiles and runs, so the
 * {@link RuleLanguageCheck} lets through only what is listed here and refuses the rest of DRL and Java. Each
 * message says what is allowed instead, for the domain expert who meets it.
 */
final class RuleLanguage {

    /** The only packages a rule may import, name a fact type from, or take an enum constant from. */
    static final List<String> FACT_PACKAGES = List.of(Project.class.getPackageName(),
            Verdict.class.getPackageName());

    /** Between two sides of a constraint; {@code in (...)} and {@code not in (...)} arrive as {@code ==}/{@code !=}. */
    static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "contains");

    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum");

    /** What a consequence may {@code insert( new ...(...) )}. */
    static final Set<String> CONCLUSIONS = Set.of("Evidence", "Warning", "DividingLine", "Scores");

    /** What a consequence may {@code insert( Verdict....(...) )}. */
    static final String VERDICT = "Verdict";
    static final Set<String> VERDICT_FACTORIES = Set.of("recommend", "noClearWinner");

    /** What a consequence may call on a sum, to hand it to {@code Scores} as an {@code int}. */
    static final Set<String> SUM_CONVERSIONS = Set.of("intValue");

    static final String SALIENCE = "salience";

    static final String IMPORTS = "import only dev.ormadvisor.facts.* and dev.ormadvisor.conclusions.*";
    static final String CONDITIONS = "conditions are fact patterns such as Project( mostlyCrud == true ), combined"
            + " with not, exists, or, and accumulate( ...; $total : sum( $w ) )";
    static final String CONSTRAINTS = "a constraint compares a fact's field with a literal, an enum constant such as"
            + " Framework.DJANGO, or a $variable bound earlier, using ==, !=, <, <=, >, >=, in ( ... ) or contains,"
            + " joined with && and ||";
    static final String CONSEQUENCES = "a consequence only inserts conclusions: insert( new Evidence(...) ),"
            + " insert( new Warning(...) ), insert( new DividingLine(...) ), insert( new Scores(...) ) or"
            + " insert( Verdict.recommend(...) ) / insert( Verdict.noClearWinner() ), with literals, enum constants"
            + " and $variables as arguments";
    static final String RULE_HEADER = "a rule has only metadata such as @statements(\"DJ-1\") and an optional"
            + " salience with a whole number, such as salience -10";

    private static final Set<String> NOT_PROPERTIES = Set.of("toString", "hashCode", "equals");

    private RuleLanguage() {
    }

    static boolean isAllowedImport(String target) {
        return FACT_PACKAGES.stream().anyMatch(pkg -> target.equals(pkg + ".*")
                || target.startsWith(pkg + ".") && factType(target.substring(pkg.length() + 1)).isPresent());
    }

    /** A class of the fact or conclusion packages, by simple or qualified name; never initialised. */
    static Optional<Class<?>> factType(String name) {
        for (String pkg : FACT_PACKAGES) {
            String simpleName = name.startsWith(pkg + ".") ? name.substring(pkg.length() + 1) : name;
            if (isIdentifier(simpleName)) {
                try {
                    return Optional.of(Class.forName(pkg + "." + simpleName, false,
                            RuleLanguage.class.getClassLoader()));
                } catch (ClassNotFoundException notInThisPackage) {
                    // try the next package
                }
            }
        }
        return Optional.empty();
    }

    /** The fields a pattern may read: the public accessors the fact type declares itself, without arguments. */
    static Set<String> properties(Class<?> factType) {
        return Arrays.stream(factType.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0 && method.getReturnType() != void.class
                        && !NOT_PROPERTIES.contains(method.getName()))
                .map(Method::getName).map(RuleLanguage::propertyName).collect(Collectors.toSet());
    }

    /** The type a property reads, so that what is bound to it can be followed with {@code from}. */
    static Optional<Class<?>> propertyType(Class<?> factType, String property) {
        return Arrays.stream(factType.getDeclaredMethods())
                .filter(method -> method.getParameterCount() == 0 && propertyName(method.getName()).equals(property))
                .<Class<?>>map(Method::getReturnType).findFirst();
    }

    /** {@code "text"}, {@code 3}, {@code -2}, {@code 1.5}, {@code true}, {@code null}. */
    static boolean isLiteral(Expression expression) {
        if (expression instanceof UnaryExpr unary) {
            return (unary.getOperator() == UnaryExpr.Operator.MINUS || unary.getOperator() == UnaryExpr.Operator.PLUS)
                    && (unary.getExpression() instanceof IntegerLiteralExpr
                            || unary.getExpression() instanceof LongLiteralExpr
                            || unary.getExpression() instanceof DoubleLiteralExpr);
        }
        return expression instanceof StringLiteralExpr || expression instanceof IntegerLiteralExpr
                || expression instanceof LongLiteralExpr || expression instanceof DoubleLiteralExpr
                || expression instanceof BooleanLiteralExpr || expression instanceof CharLiteralExpr
                || expression instanceof NullLiteralExpr;
    }

    /** {@code Framework.DJANGO}: a constant that exists, of an enum of the fact or conclusion packages. */
    static boolean isEnumConstant(Expression expression) {
        if (expression instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr type
                && access.getTypeArguments().isEmpty()) {
            return factType(type.getNameAsString()).filter(Class::isEnum)
                    .map(enumType -> Arrays.stream(enumType.getEnumConstants())
                            .anyMatch(constant -> ((Enum<?>) constant).name().equals(access.getNameAsString())))
                    .orElse(false);
        }
        return false;
    }

    private static String propertyName(String accessor) {
        for (String prefix : List.of("get", "is")) {
            if (accessor.length() > prefix.length() && accessor.startsWith(prefix)
                    && Character.isUpperCase(accessor.charAt(prefix.length()))) {
                return Character.toLowerCase(accessor.charAt(prefix.length()))
                        + accessor.substring(prefix.length() + 1);
            }
        }
        return accessor;
    }

    private static boolean isIdentifier(String name) {
        return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
                && name.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
