package dev.ormadvisor.web;

import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.EvaluationRequestReader;
import jakarta.validation.Validator;
import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Reads a question's body with the {@link EvaluationRequestReader}, the same code the {@code evaluate} command and
 * the fuzz tests run, instead of the general JSON converter: so what the fuzzer shows about the reader holds for
 * the API. It validates too, so its controllers take the request without {@code @Valid}. Refusals are
 * {@link dev.ormadvisor.facts.InvalidFactsException}s, answered by {@link ProblemHandler}.
 */
@Component
class EvaluationRequestConverter extends AbstractHttpMessageConverter<EvaluationRequest> {

    private final EvaluationRequestReader reader;

    EvaluationRequestConverter(Validator validator) {
        super(MediaType.APPLICATION_JSON);
        this.reader = new EvaluationRequestReader(validator);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return EvaluationRequest.class == type;
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return false;
    }

    /** The body is already in memory ({@link RequestBodyLimitFilter}), at most the size limit. */
    @Override
    protected EvaluationRequest readInternal(Class<? extends EvaluationRequest> type, HttpInputMessage input)
            throws IOException {
        return reader.read(input.getBody().readAllBytes());
    }

    @Override
    protected void writeInternal(EvaluationRequest request, HttpOutputMessage output) {
        throw new UnsupportedOperationException("questions are only read");
    }
}
