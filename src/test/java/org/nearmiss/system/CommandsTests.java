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

        jdbc.sql("update audit_entry set action = 'forged' where seq = 1").update();
        StringWriter broken = new StringWriter();
        assertThat(run(broken, "audit", "verify")).isEqualTo(1);
        assertThat(broken.toString()).contains("broken at entry 1");
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
