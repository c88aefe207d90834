package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import picocli.CommandLine;

/** The command line, as {@code java -jar nearmiss.jar …} runs it: no web server, output on stdout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = TempDataDir.class)
class CommandsTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tokenPrintsANewTokenThatIsStoredOnlyAsAHash() {
        StringWriter out = new StringWriter();
        int exit = run(out, "token", "--role", "reader", "--name", "nightly export");

        String token = out.toString().strip();
        assertThat(exit).isZero();
        assertThat(token).startsWith("nm_").hasSizeGreaterThan(40).doesNotContain("\n");
        assertThat(jdbc.sql("select role from api_token where name = 'nightly export'")
                        .query(String.class)
                        .single())
                .isEqualTo("READER");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash like ?")
                        .param(token + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void automationTokensExpireAreListedWithoutTheTokenAndCanBeRevoked() {
        StringWriter made = new StringWriter();
        assertThat(run(made, "token", "--role", "analyst", "--name", "weekly briefing", "--days", "30"))
                .isZero();
        String token = made.toString().strip();
        assertThat(jdbc.sql("select expires_on from api_token where name = 'weekly briefing'")
                        .query(java.time.LocalDate.class)
                        .single())
                .isEqualTo(java.time.LocalDate.now().plusDays(30));
        assertThat(run(new StringWriter(), "token", "--role", "analyst", "--name", "for ever", "--days", "3650"))
                .as("a year at most")
                .isEqualTo(2);

        StringWriter listed = new StringWriter();
        assertThat(run(listed, "token", "--list")).isZero();
        assertThat(listed.toString())
                .contains("weekly briefing")
                .contains("active")
                .doesNotContain(token);
        String id = listed.toString()
                .lines()
                .filter(l -> l.contains("weekly briefing"))
                .findFirst()
                .orElseThrow()
                .split("\\s+")[0];

        assertThat(run(new StringWriter(), "token", "--revoke", id)).isZero();
        assertThat(context.getBean(org.nearmiss.accounts.ApiTokens.class).authenticate(token))
                .isEmpty();
        StringWriter after = new StringWriter();
        run(after, "token", "--list");
        assertThat(after.toString()).contains("revoked");
        assertThat(run(new StringWriter(), "token", "--revoke", id))
                .as("revoked already")
                .isEqualTo(2);
        assertThat(run(new StringWriter(), "token", "--revoke", "not-an-id")).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsRefused() {
        StringWriter made = new StringWriter();
        run(made, "token", "--role", "reader", "--name", "old feed", "--days", "1");
        String token = made.toString().strip();
        assertThat(context.getBean(org.nearmiss.accounts.ApiTokens.class).authenticate(token))
                .isPresent();
        jdbc.sql("update api_token set expires_on = ? where name = 'old feed'")
                .param(java.time.LocalDate.now())
                .update();

        assertThat(context.getBean(org.nearmiss.accounts.ApiTokens.class).authenticate(token))
                .isEmpty();
    }

    @Test
    void anUnknownRoleIsRefusedWithExitCodeTwo() {
        assertThat(run(new StringWriter(), "token", "--role", "king", "--name", "x"))
                .isEqualTo(2);
    }

    @Test
    void auditVerifySaysWhetherTheChainIsIntactAndWhereItBreaks() {
        context.getBean(AuditLog.class).record("a@state.gov", "one", null);
        context.getBean(AuditLog.class).record("a@state.gov", "two", null);
        StringWriter intact = new StringWriter();
        assertThat(run(intact, "audit", "verify")).isZero();
        assertThat(intact.toString()).contains("intact");

        StringWriter checkpoint = new StringWriter();
        assertThat(run(checkpoint, "audit", "checkpoint")).isZero();
        assertThat(AuditLog.Checkpoint.parse(checkpoint.toString())).isPresent();

        jdbc.sql("update audit_entry set action = 'forged' where seq = 1").update();
        StringWriter broken = new StringWriter();
        assertThat(run(broken, "audit", "verify")).isEqualTo(1);
        assertThat(broken.toString()).contains("broken at entry 1");
    }

    @Test
    void auditVerifyWithCheckpointsFindsTheNewestEntriesRemoved(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        AuditLog audit = context.getBean(AuditLog.class);
        audit.record("a@state.gov", "one", null);
        AuditLog.Entry kept = audit.record("a@state.gov", "two", null);
        AuditLog.Entry last = audit.record("a@state.gov", "three", null);
        java.nio.file.Path file = dir.resolve("checkpoints");
        java.nio.file.Files.writeString(file, audit.checkpoint() + "\n");

        jdbc.sql("delete from audit_entry where seq = ?").param(last.seq()).update();
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1")
                .params(kept.seq(), kept.hash())
                .update();

        assertThat(run(new StringWriter(), "audit", "verify"))
                .as("without checkpoints")
                .isZero();
        StringWriter broken = new StringWriter();
        assertThat(run(broken, "audit", "verify", "--checkpoints", file.toString()))
                .isEqualTo(1);
        assertThat(broken.toString()).contains("broken at entry " + last.seq());
    }

    @Test
    void theArgumentsTellACommandFromOptionsForTheWebApplication() {
        assertThat(Commands.isCommand(new String[] {"token", "--role", "READER"}))
                .isTrue();
        assertThat(Commands.isCommand(new String[] {"--help"})).isTrue();
        assertThat(Commands.isCommand(new String[] {"--server.port=9090"})).isFalse();
        assertThat(Commands.isCommand(new String[] {})).isFalse();
    }

    private int run(StringWriter out, String... args) {
        CommandLine commandLine = Commands.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }
}
