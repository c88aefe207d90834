package org.nearmiss.agencies;

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
 * dashboard. Never for production data.
 */
@Component
@ConditionalOnProperty(name = "nearmiss.demo", havingValue = "true")
class AgencyDemo {

    static final String NAME = "Demo County Sheriff's Office";
    static final String COORDINATOR = "demo-coordinator@nearmiss.invalid";

    private final Agencies agencies;
    private final int k;

    AgencyDemo(Agencies agencies, AgenciesProperties properties) {
        this.agencies = agencies;
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
                "Demo agency: %s, agency code %s (its coordinator is %s). Reports filed with the code count"
                        + " for it once published; its dashboard opens at %d.%n",
                agency.name(), agency.code(), COORDINATOR, k);
    }
}
