package dev.ormadvisor.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The management endpoints, and the token that guards them. DRL text is accepted over HTTP only there, as drafts,
 * which are compiled off the serving path and checked before they may be published.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AdminConfiguration implements WebMvcConfigurer {

    static final String[] MANAGEMENT_PATHS = {"/api/v1/rules/reload", "/api/v1/replay",
        DraftsController.PATH + "/**"};

    private final AdminProperties admin;

    AdminConfiguration(AdminProperties admin) {
        this.admin = admin;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminTokenInterceptor(admin)).addPathPatterns(MANAGEMENT_PATHS);
    }
}
