package dev.ormadvisor.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstanceIdentityTests {

    @Test
    void withoutAConfiguredIdAnInstanceIsNamedByItsHostAndPid() {
        InstanceIdentity identity = InstanceIdentity.of(null);

        assertThat(identity.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(identity.host()).isNotBlank();
        assertThat(identity.id()).isEqualTo(identity.host() + "-" + identity.pid());
        assertThat(InstanceIdentity.of("  ").id()).as("a blank setting counts as unset").isEqualTo(identity.id());
    }

    @Test
    void aConfiguredIdIsUsedAsGivenWithoutSurroundingBlanks() {
        assertThat(InstanceIdentity.of(" replica-a ").id()).isEqualTo("replica-a");
    }

    @Test
    void anIdTooLongForTheRegistryStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> InstanceIdentity.of("x".repeat(InstanceIdentity.MAX_ID_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ADVISOR_INSTANCE_ID");
    }
}
