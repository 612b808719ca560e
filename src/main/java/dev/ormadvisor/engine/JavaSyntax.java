package dev.ormadvisor.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.Optional;

/**
 * Reads the bits of Java inside rule descriptors (a constraint's operands, a consequence) as syntax trees, so the
 * safety check judges what the code is rather than what its text looks like. Empty when it is not Java.
 */
final class JavaSyntax {

    private JavaSyntax() {
    }

    static Optional<Expression> expression(String text) {
        return result(parser().parseExpression(text));
    }

    /** The block keeps the text's lines: line 1 of the block is line 1 of the text. */
    static Optional<BlockStmt> block(String text) {
        return result(parser().parseBlock("{" + text + "\n}"));
    }

    private static <T> Optional<T> result(ParseResult<T> result) {
        return result.isSuccessful() ? result.getResult() : Optional.empty();
    }

    private static JavaParser parser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    }
}
