package dev.ormadvisor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrmAdvisorApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrmAdvisorApplication.class, args);
    }
}
