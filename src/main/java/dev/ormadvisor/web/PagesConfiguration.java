package dev.ormadvisor.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web pages (static/: Ask, Audit, Rules, Workbench, and What changed, which the Audit page links to) under short
 * addresses, and the article's example facts (examples/, packaged as they are by the pom) for the Ask page's
 * "Load example" buttons.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/audit").setViewName("forward:/audit.html");
        registry.addViewController("/rules").setViewName("forward:/rules.html");
        registry.addViewController("/workbench").setViewName("forward:/workbench.html");
        registry.addViewController("/changes").setViewName("forward:/changes.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/examples/*.json").addResourceLocations("classpath:/examples/");
    }
}
