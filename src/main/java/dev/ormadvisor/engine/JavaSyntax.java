package dev.ormadvisor.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.Optional;

/**
 * Reads the bits of Java inside rule descriptors (a constraint's operands, a consequence) as syntax trees, so the
 * safety check judges what the code is rather than what its text looks like. Empty when it is not Java. One per
 * check: a parser is not safe to share between threads, and making one per expression is slow.
 */
final class JavaSyntax {

    /**
     * Any syntax is read (the check refuses whatever it does not recognise, so no language level is needed), and
     * unicode escapes are decoded first, as the Java compiler does: otherwise a line comment holding an escaped
     * line break, then code, would be a comment here and a statement in the compiled consequence.
     */
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setPreprocessUnicodeEscapes(true));

    Optional<Expression> expression(String text) {
        return result(parser.parseExpression(text));
    }

    /** The block keeps the text's lines: line 1 of the block is line 1 of the text. */
    Optional<BlockStmt> block(String text) {
        return result(parser.parseBlock("{" + text + "\n}"));
    }

    private static <T> Optional<T> result(ParseResult<T> result) {
        return result.isSuccessful() ? result.getResult() : Optional.empty();
    }
}
