package dev.ormadvisor.facts;

/** The shape of the product, in the article's "especially best for" terms. */
public enum ProjectType {
    SAAS, INTERNAL_TOOL, CONTENT_PLATFORM, BACK_OFFICE, API_SERVICE, DATA_PLATFORM, BACKEND_PLATFORM, CLI_TOOL, OTHER
}
