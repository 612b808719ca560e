package dev.ormadvisor.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code advisor.*} settings, translated here so the engine never sees Spring binding.
 *
 * @param rules where the knowledge base lives and how it is reloaded
 */
@ConfigurationProperties("advisor")
public record AdvisorProperties(@DefaultValue Rules rules) {

    /**
     * @param dir the folder of DRL files, {@code statements.yaml} and {@code scenarios/} (env ADVISOR_RULES_DIR)
     * @param maxFirings rule firings allowed in one evaluation before it is answered as a looping-rule error
     * @param watch whether saving a file in {@code dir} reloads the rules
     * @param quietPeriod how long the folder must stay unchanged before a reload, so a burst of saves is one
     */
    public record Rules(@DefaultValue("./rules") Path dir, @DefaultValue("1000") int maxFirings,
            @DefaultValue("true") boolean watch, @DefaultValue("300ms") Duration quietPeriod) {
    }
}
