package org.nearmiss.agencies;

import java.time.Clock;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --nearmiss.demo=true}: a participating demo agency whose coordinator is the demo coordinator
 * account, with its code printed, so reports filed with the code and published in review fill its
 * dashboard from its next monthly snapshot. Never for production data.
 */
@Component
@ConditionalOnProperty(name = "nearmiss.demo", havingValue = "true")
class AgencyDemo {

    static final String NAME = "Demo County Sheriff's Office";
    static final String COORDINATOR = "demo-coordinator@nearmiss.invalid";

    private final Agencies agencies;
    private final Clock clock;
    private final int k;

    AgencyDemo(Agencies agencies, Clock clock, AgenciesProperties properties) {
        this.agencies = agencies;
        this.clock = clock;
        this.k = properties.minCell();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order // after the demo library and its accounts
    void enrol() {
        if (!agencies.all().isEmpty()) {
            return;
        }
        SignedIn demo = new SignedIn(AccountId.random(), "demo@nearmiss.invalid", "Demo", Role.ADMIN);
        Agency asked = agencies.ask(new Agencies.Application(
                NAME,
                Agency.Kind.SHERIFF.name(),
                Agency.SizeBand.UP_TO_200.name(),
                "OH",
                "Demo coordinator",
                COORDINATOR,
                null,
                null,
                "Created for the demo."));
        Agency agency = agencies.approve(demo, asked.id()).agency();
        System.out.printf(
                "Demo agency: %s, agency code %s (its coordinator is %s). Reports filed with the code and"
                        + " published count for it in the dashboard's next monthly snapshot, shown from %s;"
                        + " it opens at %d.%n",
                agency.name(),
                agency.code(),
                COORDINATOR,
                Cadence.current(clock).next(),
                k);
    }
}
