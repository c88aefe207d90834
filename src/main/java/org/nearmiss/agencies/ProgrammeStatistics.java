package org.nearmiss.agencies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.analysis.RiskFactors;
import org.nearmiss.review.Publications;
import org.nearmiss.review.ReviewFigures;
import org.springframework.stereotype.Service;

/**
 * How the programme is doing, for admins: reports by state of review and how long publishing takes,
 * and who takes part: agencies by status, reports that count for an agency, readers brought in. An
 * agency's reports are counted as its dashboard counts them (the month's snapshot, in steps of k):
 * nobody else learns which agency a report counts for, and a count that moved on the day of a
 * publication would tell it.
 */
@Service
public class ProgrammeStatistics {

    private final ReviewFigures review;
    private final Agencies agencies;
    private final Publications publications;
    private final RiskFactors risks;
    private final Accounts accounts;
    private final Clock clock;
    private final int k;

    ProgrammeStatistics(
            ReviewFigures review,
            Agencies agencies,
            Publications publications,
            RiskFactors risks,
            Accounts accounts,
            Clock clock,
            AgenciesProperties properties) {
        this.review = review;
        this.agencies = agencies;
        this.publications = publications;
        this.risks = risks;
        this.accounts = accounts;
        this.clock = clock;
        this.k = properties.minCell();
    }

    /**
     * An agency's participation.
     *
     * @param published its reports published before the cut-off, counted in steps of k
     */
    public record Participation(Agency agency, long published, long readersInvited) {}

    /**
     * @param review review's figures, with time to publish over the last twelve months
     * @param agencies agencies in each status
     * @param published every published report
     * @param k the step agencies' reports are counted in
     * @param cutOff agencies' reports count when published before this day
     * @param withAgency the reports counted for the agencies taking part (the sum of their counts)
     * @param accounts enabled accounts by role
     * @param participation active agencies, the most published first
     */
    public record Figures(
            ReviewFigures.Figures review,
            Map<Agency.Status, Long> agencies,
            long published,
            int k,
            LocalDate cutOff,
            long withAgency,
            Map<Role, Long> accounts,
            List<Participation> participation) {}

    public Figures figures() {
        ReviewFigures.Figures reviewFigures = review.since(LocalDate.now(clock).minusMonths(12));
        List<Agency> all = agencies.all();
        Map<Agency.Status, Long> byStatus = new EnumMap<>(Agency.Status.class);
        for (Agency.Status status : Agency.Status.values()) {
            byStatus.put(status, all.stream().filter(a -> a.status() == status).count());
        }
        LocalDate cutOff = Cadence.current(clock).cutOff();
        Set<UUID> active = all.stream()
                .filter(a -> a.status() == Agency.Status.ACTIVE)
                .map(Agency::id)
                .collect(Collectors.toSet());
        Map<UUID, Long> published = risks.tally(active, k, cutOff).byAgency();
        Map<UUID, Long> invited = agencies.readerInvitations();
        List<Participation> participation = new ArrayList<>();
        for (Agency agency : all) {
            if (agency.status() == Agency.Status.ACTIVE) {
                participation.add(new Participation(
                        agency, published.getOrDefault(agency.id(), 0L), invited.getOrDefault(agency.id(), 0L)));
            }
        }
        participation.sort(Comparator.comparingLong(Participation::published).reversed());
        Map<Role, Long> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, 0L);
        }
        accounts.list().stream().filter(Accounts.Listed::enabled).forEach(a -> roles.merge(a.role(), 1L, Long::sum));
        return new Figures(
                reviewFigures,
                byStatus,
                publications.count(),
                k,
                cutOff,
                published.values().stream().mapToLong(Long::longValue).sum(),
                roles,
                List.copyOf(participation));
    }
}
