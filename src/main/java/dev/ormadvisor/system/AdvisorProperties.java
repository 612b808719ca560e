package dev.ormadvisor.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code advisor.*} settings. {@code advisor.rules.dir} (env {@code ADVISOR_RULES_DIR}) is the folder of DRL
 * files, the statement catalog and the scenarios; {@code advisor.rules.max-firings} caps the rule firings of
 * one evaluation so that a looping rule is an error answer, not a hung thread.
 */
@ConfigurationProperties("advisor")
public record AdvisorProperties(@DefaultValue Rules rules) {

    public record Rules(@DefaultValue("./rules") Path dir, @DefaultValue("1000") int maxFirings) {
    }
}
