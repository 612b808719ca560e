package dev.ormadvisor.cli;

import static dev.ormadvisor.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCommandTests {

    @Test
    void auditIsACommandOfTheJar() {
        assertThat(Commands.isCommand(new String[] {"audit", "follow"})).isTrue();
    }

    @Test
    void auditWithoutAKnownSubcommandIsAUsageErrorThatListsThem() {
        CommandRun none = run("audit");
        CommandRun unknown = run("audit", "inspect");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("audit: which audit? verify-receipt or follow").contains(AuditCommand.USAGE);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("audit: unknown audit 'inspect': verify-receipt or follow");
    }

    @Test
    void eachHelpPrintsItsOwnUsage() {
        assertThat(run("audit", "--help").out()).isEqualTo(AuditCommand.USAGE);
        assertThat(run("audit", "verify-receipt", "--help").out()).isEqualTo(VerifyReceiptCommand.USAGE);
        assertThat(run("audit", "follow", "--help").out()).isEqualTo(FollowCommand.USAGE);
    }

    @Test
    void anOptionNotDeclaredRepeatableIsStillRefusedTwice() {
        CommandRun twice = run("audit", "follow", "--url", "http://a.example", "--url", "http://b.example");

        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).startsWith("audit: --url is given more than once").contains(FollowCommand.USAGE);
    }
}
