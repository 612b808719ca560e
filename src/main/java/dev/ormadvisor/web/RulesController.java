package dev.ormadvisor.web;

import dev.ormadvisor.engine.RuleBaseInService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rules")
class RulesController {

    private final RuleBaseInService ruleBase;

    RulesController(RuleBaseInService ruleBase) {
        this.ruleBase = ruleBase;
    }

    @GetMapping
    RulesResponse rules() {
        return RulesResponse.of(ruleBase.current());
    }
}
