package org.nearmiss.agencies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.accounts.Links;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.analysis.Briefings;
import org.nearmiss.intake.FieldProblem;
import org.nearmiss.system.AuditLog;
import org.nearmiss.system.Mailer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses on request: an agency's coordinator asks a question, an analyst answers with words and an
 * analysis report or table from the analysis module, and both follow the thread and its status. A
 * coordinator sees only the agency's own requests.
 */
@Service
public class AnalysisRequests {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 5000;

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Links links;
    private final Clock clock;

    AnalysisRequests(JdbcClient jdbc, Agencies agencies, AuditLog audit, Mailer mailer, Links links, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.audit = audit;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
    }

    public enum Status {
        OPEN("Waiting for an analyst"),
        ANSWERED("Answered"),
        CLOSED("Closed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A message in the thread; its attachment is fetched apart. */
    public record Message(
            int position,
            String authorRole,
            String authorName,
            LocalDate sentOn,
            String body,
            String attachmentName,
            String attachmentType) {

        public boolean hasAttachment() {
            return attachmentName != null;
        }

        public boolean fromAnalyst() {
            return authorRole.equals(Role.ANALYST.name()) || authorRole.equals(Role.ADMIN.name());
        }
    }

    /** A request and, when read in full, its thread. */
    public record Request(
            UUID id,
            UUID agencyId,
            String agencyName,
            String title,
            Status status,
            LocalDate askedOn,
            LocalDate updatedOn,
            List<Message> messages) {}

    /**
     * A coordinator's question for the agency.
     *
     * @throws AgencyProblem naming the fields that do not fit; nothing is stored
     */
    @Transactional
    public Request ask(SignedIn who, String title, String question) {
        Agency agency = agencies.coordinatedBy(who)
                .orElseThrow(() -> new AgencyProblem("agency", "Only an agency's coordinators ask for analyses."));
        List<FieldProblem> problems = new ArrayList<>();
        String heading = clean(title);
        if (heading.isEmpty() || heading.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "Give the request a short title (up to 200 characters)."));
        }
        String body = clean(question);
        if (body.isEmpty() || body.length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "Write the question (up to 5,000 characters)."));
        }
        if (!problems.isEmpty()) {
            throw new AgencyProblem(problems);
        }
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                insert into analysis_request (id, agency_id, title, status, asked_on, updated_on)
                values (?, ?, ?, 'OPEN', ?, ?)""").params(id, agency.id(), heading, today, today).update();
        addMessage(id, who, body, null);
        audit.record(who.email(), "analysis-request.asked", agency.name() + ": " + heading);
        return find(who, id).orElseThrow();
    }

    /**
     * Adds to the thread: an analyst's answer (with a file, optionally) marks the request answered, a
     * coordinator's reply opens it again.
     *
     * @throws AgencyProblem when the request is not the caller's to answer, is closed, or the text does not fit
     */
    @Transactional
    public Request reply(SignedIn who, UUID id, String text, Briefings.Export attachment) {
        Request request = find(who, id).orElseThrow(() -> new AgencyProblem("request", "There is no such request."));
        if (request.status() == Status.CLOSED) {
            throw new AgencyProblem("body", "This request is closed. Ask a new one.");
        }
        String body = clean(text);
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw new AgencyProblem("body", "Write a message (up to 5,000 characters).");
        }
        boolean analyst = isAnalyst(who);
        if (!analyst && attachment != null) {
            throw new AgencyProblem("format", "Only analysts attach analysis reports.");
        }
        addMessage(id, who, body, attachment);
        Status status = analyst ? Status.ANSWERED : Status.OPEN;
        jdbc.sql("update analysis_request set status = ?, updated_on = ? where id = ?")
                .params(status.name(), LocalDate.now(clock), id)
                .update();
        audit.record(who.email(), analyst ? "analysis-request.answered" : "analysis-request.replied", request.title());
        if (analyst) {
            agencies.find(request.agencyId())
                    .ifPresent(agency -> agency.coordinators()
                            .forEach(c -> mailer.send(
                                    c.email(),
                                    "Your analysis request was answered",
                                    "An analyst answered \"" + request.title() + "\". Read the answer at:\n\n"
                                            + links.to("/agency/requests/" + id))));
        }
        return find(who, id).orElseThrow();
    }

    /** Closes the request: it needs nothing more. For its agency's coordinators and analysts. */
    @Transactional
    public void close(SignedIn who, UUID id) {
        Request request = find(who, id).orElseThrow(() -> new AgencyProblem("request", "There is no such request."));
        jdbc.sql("update analysis_request set status = 'CLOSED', updated_on = ? where id = ?")
                .params(LocalDate.now(clock), id)
                .update();
        audit.record(who.email(), "analysis-request.closed", request.title());
    }

    /** The request with its thread, if the caller may see it. */
    public Optional<Request> find(SignedIn who, UUID id) {
        Optional<Request> request =
                jdbc.sql("""
                select r.*, a.name as agency_name from analysis_request r join agency a on a.id = r.agency_id
                where r.id = ?""").param(id).query(this::map).optional().filter(r -> mayRead(who, r));
        return request.map(r -> new Request(
                r.id(),
                r.agencyId(),
                r.agencyName(),
                r.title(),
                r.status(),
                r.askedOn(),
                r.updatedOn(),
                messagesOf(r.id())));
    }

    /** The caller's requests: a coordinator's agency's, or, for analysts, every one, open ones first. */
    public List<Request> list(SignedIn who) {
        if (isAnalyst(who)) {
            return jdbc.sql("""
                    select r.*, a.name as agency_name from analysis_request r join agency a on a.id = r.agency_id
                    order by case r.status when 'OPEN' then 0 when 'ANSWERED' then 1 else 2 end, r.updated_on""").query(this::map).list();
        }
        Optional<Agency> agency = agencies.coordinatedBy(who);
        if (agency.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.*, a.name as agency_name from analysis_request r join agency a on a.id = r.agency_id
                where r.agency_id = ? order by r.updated_on desc""").param(agency.get().id()).query(this::map).list();
    }

    /** A message's attachment, if the caller may see the request. */
    public Optional<Briefings.Export> attachment(SignedIn who, UUID id, int position) {
        if (find(who, id).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select attachment_name, attachment_type, attachment from analysis_request_message
                where request_id = ? and position = ? and attachment is not null""")
                .params(id, position)
                .query((rs, n) -> new Briefings.Export(
                        rs.getString("attachment_name"), rs.getString("attachment_type"), rs.getBytes("attachment")))
                .optional();
    }

    private boolean mayRead(SignedIn who, Request request) {
        if (isAnalyst(who)) {
            return true;
        }
        return agencies.coordinatedBy(who)
                .map(a -> a.id().equals(request.agencyId()))
                .orElse(false);
    }

    private static boolean isAnalyst(SignedIn who) {
        return who.role() == Role.ANALYST || who.role() == Role.ADMIN;
    }

    private void addMessage(UUID id, SignedIn who, String body, Briefings.Export attachment) {
        jdbc.sql("""
                insert into analysis_request_message (request_id, position, author_role, author_name, sent_on, body,
                    attachment_name, attachment_type, attachment)
                values (:id, (select coalesce(max(position), 0) + 1 from analysis_request_message where request_id = :id),
                    :role, :name, :on, :body, :name2, :type, :content)""")
                .param("id", id)
                .param("role", who.role().name())
                .param(
                        "name",
                        who.displayName().length() > 100 ? who.displayName().substring(0, 100) : who.displayName())
                .param("on", LocalDate.now(clock))
                .param("body", body)
                .param("name2", attachment == null ? null : attachment.filename())
                .param("type", attachment == null ? null : attachment.mediaType())
                .param("content", attachment == null ? null : attachment.content())
                .update();
    }

    private List<Message> messagesOf(UUID id) {
        return jdbc.sql("""
                select position, author_role, author_name, sent_on, body, attachment_name, attachment_type
                from analysis_request_message where request_id = ? order by position""")
                .param(id)
                .query((rs, n) -> new Message(
                        rs.getInt("position"),
                        rs.getString("author_role"),
                        rs.getString("author_name"),
                        rs.getObject("sent_on", LocalDate.class),
                        rs.getString("body"),
                        rs.getString("attachment_name"),
                        rs.getString("attachment_type")))
                .list();
    }

    private Request map(ResultSet rs, int row) throws SQLException {
        return new Request(
                rs.getObject("id", UUID.class),
                rs.getObject("agency_id", UUID.class),
                rs.getString("agency_name"),
                rs.getString("title"),
                Status.valueOf(rs.getString("status")),
                rs.getObject("asked_on", LocalDate.class),
                rs.getObject("updated_on", LocalDate.class),
                List.of());
    }

    private static String clean(String text) {
        return text == null
                ? ""
                : text.replace("\r\n", "\n").replace("\u0000", "").strip();
    }
}
