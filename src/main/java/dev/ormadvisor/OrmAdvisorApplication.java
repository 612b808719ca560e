package dev.ormadvisor;

import dev.ormadvisor.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrmAdvisorApplication {

    public static void main(String[] args) {
        // Commands run before, and without, Spring: quick for CI, and they never open a port.
        if (Commands.isCommand(args)) {
            System.exit(Commands.runOnConsole(args));
        }
        SpringApplication.run(OrmAdvisorApplication.class, args);
    }
}
