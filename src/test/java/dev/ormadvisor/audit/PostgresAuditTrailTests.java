package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit trail contract on the production store, in a fresh PostgreSQL database (skipped only outside CI). */
@ActiveProfiles("postgres")
class PostgresAuditTrailTests extends AuditTrailContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        POSTGRES.registerAsDataSource(registry);
    }

    /** Otherwise an instance cut off mid-append would keep its log row locked, and its own restart waiting. */
    @Test
    void theServerEndsATransactionLeftIdleSoThatNoLostInstanceHoldsItsLogLocked() {
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("10s");
    }
}
