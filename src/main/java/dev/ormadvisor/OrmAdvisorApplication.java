package dev.ormadvisor;

import dev.ormadvisor.cli.Commands;
import dev.ormadvisor.system.FirstRulesLoadAtStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import sun.misc.Signal;

@SpringBootApplication
public class OrmAdvisorApplication {

    public static void main(String[] args) {
        // Commands run before, and without, Spring: quick for CI, and they never open a port.
        if (Commands.isCommand(args)) {
            System.exit(Commands.runOnConsole(args));
        }
        SpringApplication application = new SpringApplication(OrmAdvisorApplication.class);
        application.addListeners(new FirstRulesLoadAtStart());
        application.run(args);
        exitZeroOnSigterm();
    }

    /**
     * SIGTERM is how supervisors (systemd, Kubernetes, docker stop) ask the service to stop. The JVM's own handler
     * runs the shutdown hooks, Spring's graceful shutdown among them, and then exits 143, which they count as a
     * failure. This handler runs the same hooks through {@code System.exit(0)}: in-flight requests are answered,
     * the audit writer drains, then the process exits 0. Installed once the service is up: a SIGTERM during
     * start-up still ends it with the JVM's 143.
     */
    private static void exitZeroOnSigterm() {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
