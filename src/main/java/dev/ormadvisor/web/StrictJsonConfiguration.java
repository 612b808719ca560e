package dev.ormadvisor.web;

import dev.ormadvisor.facts.FactsJson;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Makes the application's JSON mapper read requests by the rules of {@link FactsJson}. */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonFactoryBuilderCustomizer strictJsonParsing() {
        return FactsJson::strictParsing;
    }

    /** Runs after Boot's own customizer, which turns unknown-property failures off. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    JsonMapperBuilderCustomizer strictJsonBinding() {
        return FactsJson::strictBinding;
    }
}
