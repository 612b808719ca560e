package dev.ormadvisor.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code advisor.*} settings, translated here so the engine never sees Spring binding.
 *
 * @param rules where the knowledge base lives and how it is reloaded
 * @param instance how this process names and reports itself among the instances sharing its database
 */
@ConfigurationProperties("advisor")
public record AdvisorProperties(@DefaultValue Rules rules, @DefaultValue Instance instance) {

    /**
     * @param dir the folder of DRL files, {@code statements.yaml} and {@code scenarios/} (env ADVISOR_RULES_DIR)
     * @param maxFirings rule firings allowed in one evaluation before it is answered as a looping-rule error
     * @param watch whether saving a file in {@code dir} reloads the rules
     * @param quietPeriod how long the folder must stay unchanged before a reload, so a burst of saves is one
     */
    public record Rules(@DefaultValue("./rules") Path dir, @DefaultValue("1000") int maxFirings,
            @DefaultValue("true") boolean watch, @DefaultValue("150ms") Duration quietPeriod) {
    }

    /**
     * @param id this instance's name in the registry and its health details (env ADVISOR_INSTANCE_ID); unset, the
     *     host name + "-" + pid. Set it to keep one row across restarts, e.g. to a StatefulSet pod's name
     * @param heartbeat how often the instance records itself in the database; three missed beats read SILENT
     * @param forgetAfter how long an instance that stopped or fell silent stays in the registry
     */
    public record Instance(String id, @DefaultValue("5s") Duration heartbeat,
            @DefaultValue("1d") Duration forgetAfter) {
    }
}
