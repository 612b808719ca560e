package dev.ormadvisor.web;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBaseInService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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

    @GetMapping("/status")
    RulesStatusResponse status() {
        return RulesStatusResponse.of(ruleBase.current().version(), ruleBase.lastReload());
    }

    /** For deployments whose volumes deliver no file events. Guarded by {@link AdminTokenInterceptor}. */
    @PostMapping("/reload")
    RulesStatusResponse reload() {
        ReloadOutcome outcome = ruleBase.reload();
        return RulesStatusResponse.of(ruleBase.current().version(), outcome);
    }
}
