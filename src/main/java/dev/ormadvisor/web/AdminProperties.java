package dev.ormadvisor.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code advisor.admin.token} (env {@code ADVISOR_ADMIN_TOKEN}): the bearer token the management endpoints
 * require. Unset or blank, they are disabled.
 */
@ConfigurationProperties("advisor.admin")
record AdminProperties(String token) {

    boolean enabled() {
        return token != null && !token.isBlank();
    }
}
