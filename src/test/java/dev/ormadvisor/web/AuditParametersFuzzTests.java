package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ormadvisor.audit.EvaluationFilter;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.web.EvaluationHistoryController.ListQuery;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /api/v1/evaluations}, whatever a client writes after the {@code ?}, is read as the
 * controller reads it ({@link ListQuery}) into a filter the audit stores can run, or refused with an
 * {@link InvalidParameterException} naming one of the parameters given. Any other exception is a finding.
 * Inputs (query strings, as on the wire): {@code AuditParametersFuzzTestsInputs/<method>/}.
 */
class AuditParametersFuzzTests {

    @FuzzTest
    void theEvaluationListsQueryIsReadOrRefusedNamingAParameter(byte[] input) {
        MultiValueMap<String, String> parameters = queryParameters(new String(input, StandardCharsets.UTF_8));
        if (parameters == null) {
            return;
        }
        ListQuery query;
        try {
            query = ListQuery.of(parameters);
        } catch (InvalidParameterException refused) {
            assertThat(parameters).containsKey(refused.problem().field());
            assertThat(refused.problem().message()).isNotBlank();
            return;
        }
        EvaluationFilter filter = query.filter();
        assertThat(query.page()).isNotNegative();
        assertThat(query.size()).isBetween(1, EvaluationHistoryController.MAX_PAGE_SIZE);
        if (filter.from() != null && filter.to() != null) {
            assertThat(filter.from()).isBeforeOrEqualTo(filter.to());
        }
        Stream.of(filter.statement(), filter.rulesVersion(), filter.label()).filter(Objects::nonNull)
                .forEach(text -> assertThat(text).matches(EvaluationRequest.STORABLE_TEXT));
    }

    /**
     * Decoded as the servlet container decodes a query string; {@code null} for one it refuses itself (a broken
     * percent escape), which never reaches the controller.
     */
    private static MultiValueMap<String, String> queryParameters(String query) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        try {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.add(name, value);
            }
        } catch (IllegalArgumentException brokenEscape) {
            return null;
        }
        return parameters;
    }
}
