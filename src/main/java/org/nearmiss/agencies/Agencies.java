package org.nearmiss.agencies;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.AgencyCodes;
import org.nearmiss.intake.FieldProblem;
import org.nearmiss.system.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participating agencies: anyone may ask for an agency to take part, an admin approves (which issues
 * the agency code and invites its coordinators) or declines, and coordinators or admins rotate the
 * code. A report counts for an agency only through its current code.
 */
@Service
public class Agencies implements AgencyCodes {

    /** Letters and digits that cannot be mistaken for one another when read out at roll call. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final StoredAgencies stored;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Agencies(StoredAgencies stored, Accounts accounts, AuditLog audit, Clock clock) {
        this.stored = stored;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What someone asking for an agency to take part writes on the form. */
    public record Application(
            String name,
            String kind,
            String sizeBand,
            String state,
            String coordinatorName,
            String coordinatorEmail,
            String secondName,
            String secondEmail,
            String note) {}

    /**
     * Records the request for an admin to decide.
     *
     * @throws AgencyProblem naming every field that does not fit; nothing is stored
     */
    @Transactional
    public Agency ask(Application application) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = text(application.name());
        if (name.length() < 2 || name.length() > 200) {
            problems.add(new FieldProblem("name", "Enter the agency's name (up to 200 characters)."));
        }
        Optional<Agency.Kind> kind = enumOf(Agency.Kind.class, application.kind());
        if (kind.isEmpty()) {
            problems.add(new FieldProblem("kind", "Choose the kind of agency."));
        }
        Optional<Agency.SizeBand> size = enumOf(Agency.SizeBand.class, application.sizeBand());
        if (size.isEmpty()) {
            problems.add(new FieldProblem("sizeBand", "Choose how many sworn officers the agency has."));
        }
        String state = text(application.state()).toUpperCase(Locale.ROOT);
        if (!AgencyStates.NAMES.containsKey(state)) {
            problems.add(new FieldProblem("state", "Choose the state."));
        }
        List<Agency.Coordinator> coordinators = new ArrayList<>();
        coordinator(application.coordinatorName(), application.coordinatorEmail(), "coordinator", true, problems)
                .ifPresent(coordinators::add);
        coordinator(application.secondName(), application.secondEmail(), "second", false, problems)
                .filter(second -> coordinators.stream().noneMatch(c -> c.email().equals(second.email())))
                .ifPresent(coordinators::add);
        String note = text(application.note());
        if (note.length() > 2000) {
            problems.add(new FieldProblem("note", "Keep the note to 2,000 characters."));
        }
        if (!problems.isEmpty()) {
            throw new AgencyProblem(problems);
        }
        Agency agency = new Agency(
                UUID.randomUUID(),
                name,
                kind.orElseThrow(),
                size.orElseThrow(),
                state,
                Agency.Status.PENDING,
                today(),
                null,
                null,
                note.isEmpty() ? null : note,
                coordinators,
                null);
        stored.add(agency);
        audit.record("anonymous", "agency.asked", name);
        return agency;
    }

    /** The outcome of approving: the agency and the coordinators who could not be invited, with why. */
    public record Approved(Agency agency, List<String> notInvited) {}

    /**
     * Lets the agency take part: issues its code and invites its coordinators by e-mail. An address
     * that already has an account is not invited; it coordinates once its account has the role.
     *
     * @throws AgencyProblem when the agency is unknown or was decided already
     */
    @Transactional
    public Approved approve(SignedIn admin, UUID id) {
        Agency agency = pending(id);
        stored.decide(id, Agency.Status.ACTIVE, today(), admin.email(), null);
        stored.addCode(newCode(), id, today());
        audit.record(admin.email(), "agency.approved", agency.name());
        List<String> notInvited = new ArrayList<>();
        for (Agency.Coordinator coordinator : agency.coordinators()) {
            invite(admin, coordinator).ifPresent(notInvited::add);
        }
        return new Approved(stored.find(id).orElseThrow(), notInvited);
    }

    /** Declines the request with a reason the applicants are told. */
    @Transactional
    public void decline(SignedIn admin, UUID id, String reason) {
        Agency agency = pending(id);
        String why = text(reason);
        if (why.isEmpty() || why.length() > 2000) {
            throw new AgencyProblem("reason", "Say why, in up to 2,000 characters: the applicants are told.");
        }
        stored.decide(id, Agency.Status.DECLINED, today(), admin.email(), why);
        audit.record(admin.email(), "agency.declined", agency.name());
    }

    /** Adds a coordinator to a participating agency and invites them. */
    @Transactional
    public Approved addCoordinator(SignedIn admin, UUID id, String name, String email) {
        Agency agency = find(id).orElseThrow(() -> new AgencyProblem("agency", "There is no such agency."));
        List<FieldProblem> problems = new ArrayList<>();
        Agency.Coordinator coordinator =
                coordinator(name, email, "coordinator", true, problems).orElse(null);
        if (coordinator != null
                && agency.coordinators().stream().anyMatch(c -> c.email().equals(coordinator.email()))) {
            problems.add(new FieldProblem("coordinatorEmail", "This address coordinates the agency already."));
        }
        if (!problems.isEmpty()) {
            throw new AgencyProblem(problems);
        }
        stored.addCoordinator(id, coordinator);
        audit.record(admin.email(), "agency.coordinator-added", agency.name());
        List<String> notInvited = new ArrayList<>();
        if (agency.status() == Agency.Status.ACTIVE) {
            invite(admin, coordinator).ifPresent(notInvited::add);
        }
        return new Approved(stored.find(id).orElseThrow(), notInvited);
    }

    /**
     * Takes a coordinator off the agency: from now on the account sees nothing of the agency (its
     * dashboard, code and requests), whatever else it may still do.
     */
    @Transactional
    public void removeCoordinator(SignedIn admin, UUID id, String email) {
        Agency agency = find(id).orElseThrow(() -> new AgencyProblem("agency", "There is no such agency."));
        String address = text(email).toLowerCase(Locale.ROOT);
        if (!stored.removeCoordinator(id, address)) {
            throw new AgencyProblem("coordinatorEmail", "This address does not coordinate the agency.");
        }
        audit.record(admin.email(), "agency.coordinator-removed", agency.name());
    }

    /**
     * Replaces the agency's code: the old one stops counting reports at once, and a report filed with
     * it is taken with a notice. For the agency's coordinators and admins.
     *
     * @return the new code
     */
    @Transactional
    public String rotateCode(SignedIn who, UUID id) {
        Agency agency = find(id).filter(a -> a.status() == Agency.Status.ACTIVE)
                .orElseThrow(() -> new AgencyProblem("agency", "There is no such participating agency."));
        boolean coordinates =
                agency.coordinators().stream().anyMatch(c -> c.email().equals(who.email()));
        if (who.role() != Role.ADMIN && !(who.role() == Role.COORDINATOR && coordinates)) {
            throw new AgencyProblem("agency", "Only the agency's coordinators and admins change its code.");
        }
        String code = newCode();
        stored.addCode(code, id, today());
        audit.record(who.email(), "agency.code-rotated", agency.name());
        return code;
    }

    @Override
    public Optional<UUID> agencyOf(String typedCode) {
        String code = typedCode == null ? "" : typedCode.strip().toUpperCase(Locale.ROOT);
        return code.isEmpty() || code.length() > 32 ? Optional.empty() : stored.activeAgencyOfCode(code);
    }

    public Optional<Agency> find(UUID id) {
        return stored.find(id);
    }

    /** Every agency, the newest requests first. */
    public List<Agency> all() {
        return stored.all();
    }

    /** The participating agency this coordinator coordinates (an address coordinates one at most). */
    public Optional<Agency> coordinatedBy(SignedIn who) {
        if (who.role() != Role.COORDINATOR) {
            return Optional.empty();
        }
        return stored.coordinatedBy(who.email()).stream().findFirst();
    }

    /** Participating agencies of the same kind and size, without the agency itself. */
    public List<Agency> peersOf(Agency agency) {
        return stored.all().stream()
                .filter(a -> a.status() == Agency.Status.ACTIVE
                        && a.kind() == agency.kind()
                        && a.sizeBand() == agency.sizeBand()
                        && !a.id().equals(agency.id()))
                .toList();
    }

    /** Counts readers a coordinator brought in, for the programme's participation figures. */
    @Transactional
    public void countReaderInvitations(Agency agency, int invited) {
        stored.countReaderInvitations(agency.id(), YearMonth.now(clock).toString(), invited);
    }

    java.util.Map<UUID, Long> readerInvitations() {
        return stored.readerInvitations();
    }

    private Optional<String> invite(SignedIn admin, Agency.Coordinator coordinator) {
        try {
            accounts.invite(admin, coordinator.email(), Role.COORDINATOR);
            return Optional.empty();
        } catch (AccountProblem problem) {
            return Optional.of(coordinator.email() + ": " + problem.getMessage()
                    + " Give that account the coordinator role in Accounts.");
        }
    }

    private Agency pending(UUID id) {
        Agency agency = find(id).orElseThrow(() -> new AgencyProblem("agency", "There is no such agency."));
        if (agency.status() != Agency.Status.PENDING) {
            throw new AgencyProblem("agency", "This request was decided already.");
        }
        return agency;
    }

    private Optional<Agency.Coordinator> coordinator(
            String name, String email, String prefix, boolean required, List<FieldProblem> problems) {
        String who = text(name);
        String address = text(email).toLowerCase(Locale.ROOT);
        if (!required && who.isEmpty() && address.isEmpty()) {
            return Optional.empty();
        }
        boolean fine = true;
        if (who.isEmpty() || who.length() > 100) {
            problems.add(new FieldProblem(prefix + "Name", "Enter the coordinator's name (up to 100 characters)."));
            fine = false;
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            problems.add(new FieldProblem(prefix + "Email", "Enter an e-mail address, like name@agency.gov."));
            fine = false;
        }
        return fine ? Optional.of(new Agency.Coordinator(address, who)) : Optional.empty();
    }

    private String newCode() {
        while (true) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    code.append('-');
                }
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (!stored.codeExists(code.toString())) {
                return code.toString();
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\u0000", "").strip();
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(value))
                .findFirst();
    }
}
