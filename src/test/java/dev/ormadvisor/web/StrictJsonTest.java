package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ormadvisor.evaluation.EvaluationService;
import dev.ormadvisor.facts.JsonInputProblems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parser limits of the application's mapper, checked on the mapper itself: through the evaluation endpoint
 * most of them are unreachable, because binding rejects the first unexpected token long before a limit is hit.
 */
@WebMvcTest(EvaluationController.class)
@Import({StrictJsonConfiguration.class, RequestBodyLimitConfiguration.class})
class StrictJsonTest {

    @Autowired
    JsonMapper mapper;

    @MockitoBean
    EvaluationService evaluations;

    @Test
    void acceptsJsonNestedTwentyLevelsDeep() {
        assertThat(mapper.readTree(nested(20)).isArray()).isTrue();
    }

    @Test
    void refusesJsonNestedDeeperThanTwentyLevels() {
        StreamConstraintsException error = catchThrowableOfType(StreamConstraintsException.class,
                () -> mapper.readTree(nested(21)));

        assertThat(JsonInputProblems.of(error).message()).isEqualTo("is nested more than 20 levels deep");
    }

    @Test
    void refusesANumberLongerThanTwentyDigits() {
        StreamConstraintsException error = catchThrowableOfType(StreamConstraintsException.class,
                () -> mapper.readTree("{\"n\": 1" + "0".repeat(20) + "}"));

        assertThat(JsonInputProblems.of(error).message()).isEqualTo("holds a number longer than 20 characters");
    }

    @Test
    void refusesADocumentLargerThanOneMebibyte() {
        String big = "[" + "1,".repeat(RequestBodyLimitFilter.DEFAULT_MAX_BYTES / 2) + "1]";

        assertThatThrownBy(() -> mapper.readTree(big.getBytes())).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void refusesDuplicateKeysEvenWhenReadingATree() {
        StreamReadException error = catchThrowableOfType(StreamReadException.class,
                () -> mapper.readTree("{\"a\": {\"b\": 1, \"b\": 2}}"));

        assertThat(JsonInputProblems.of(error).field()).isEqualTo("a.b");
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
