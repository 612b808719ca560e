package dev.ormadvisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ormadvisor.facts.FieldProblem;
import dev.ormadvisor.facts.InvalidFactsException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A question's JSON, whatever its bytes, is read the way the API reads it ({@link EvaluationRequestReader}, the
 * code behind {@code POST /api/v1/evaluations}) into a request, or refused with problems that each name a field
 * of the document. Any other exception is a finding. Inputs: {@code FactsJsonFuzzTestsInputs/<method>/}.
 */
class FactsJsonFuzzTests {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final EvaluationRequestReader READER = new EvaluationRequestReader(VALIDATION.getValidator());

    /**
     * Reads what the strict reader refuses (long numbers, deep nesting), to find what a problem points at. Not a
     * document with a key twice: a tree keeps only the last of them, while the reader's problem may be in the first.
     */
    private static final JsonMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(2_000).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).build();

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @FuzzTest
    void aQuestionIsReadOrRefusedNamingTheFieldAtFault(byte[] document) throws CharacterCodingException {
        EvaluationRequest request;
        try {
            request = READER.read(document);
        } catch (InvalidFactsException refused) {
            Optional<JsonNode> tree = leniently(document);
            for (FieldProblem problem : refused.problems()) {
                assertThat(problem.message()).isNotBlank();
                assertThat(problem.field()).isNotNull();
                tree.ifPresent(root -> assertNamesAFieldOf(root, problem));
            }
            return;
        }
        assertThat(request.facts()).isNotNull();
        // Throws unless UTF-8: the body is kept as UTF-8 text, which must be the text that was read.
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(document));
        if (request.label() != null) {
            assertThat(request.label()).as("a label every store can hold").matches(EvaluationRequest.STORABLE_TEXT);
        }
    }

    private static void assertNamesAFieldOf(JsonNode root, FieldProblem problem) {
        Optional<JsonNode> named = FieldPaths.resolve(root, problem.field());
        assertThat(named).as("%s names a field of the document", problem).isPresent();
        if (problem.message().contains("number longer") || problem.message().contains("number out of range")) {
            assertThat(named.get().isNumber()).as("%s names the number", problem).isTrue();
        }
    }

    private static Optional<JsonNode> leniently(byte[] document) {
        try {
            return Optional.ofNullable(LENIENT.readTree(document));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
