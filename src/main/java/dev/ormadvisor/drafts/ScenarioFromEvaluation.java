package dev.ormadvisor.drafts;

import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.facts.FactsJson;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario file made from an audited evaluation: its facts exactly as received, and as expectation what the
 * rule set in service answers for them now (verdict, confidence, the statements that fire, the warnings), so the
 * scenario passes today and pins that answer down for every later edit.
 */
final class ScenarioFromEvaluation {

    private final JsonMapper factsReader = FactsJson.strictMapper();
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    DraftFile write(String id, ObjectNode stored, RuleBase inService) {
        JsonNode received = stored.get("facts");
        EvaluationRequest request = factsReader.treeToValue(received, EvaluationRequest.class);
        Decision now = inService.decide(request.facts());
        ObjectNode facts = (ObjectNode) received.deepCopy();
        facts.remove("label");
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("verdict", now.verdict().choice());
        expect.put("confidence", now.verdict().confidence());
        expect.put("statements", List.copyOf(now.firedStatements()));
        expect.put("warnings", now.warnings().stream().map(raised -> raised.warning().statement()).distinct()
                .toList());
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", request.label() == null || request.label().isBlank()
                ? "Audited evaluation " + id : request.label());
        scenario.put("description", "Saved from audited evaluation " + id + " (answered by rule set "
                + stored.path("rulesVersion").asString() + "); expects what rule set " + inService.version()
                + " answers.");
        scenario.put("facts", facts);
        scenario.put("expect", expect);
        return new DraftFile(ScenarioFactsCheck.FOLDER + "/evaluation-" + id + ".yaml",
                yaml.writeValueAsString(scenario));
    }
}
