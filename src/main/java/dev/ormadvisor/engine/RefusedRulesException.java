package dev.ormadvisor.engine;

import java.util.List;

/**
 * The rules folder holds rules outside the rule language ({@link RuleLanguage}): refused before anything was
 * compiled. Unlike a typo, this is a verdict on the rules, so a CI check fails on it rather than giving up.
 */
public class RefusedRulesException extends InvalidRuleBaseException {

    public RefusedRulesException(List<RuleError> errors) {
        super(errors);
    }
}
