package org.nearmiss.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Destroys reporters' text once it is past retention, every {@code nearmiss.review.shred-every}. */
@Component
class Shredder {

    private static final Logger log = LoggerFactory.getLogger(Shredder.class);

    private final Review review;

    Shredder(Review review) {
        this.review = review;
    }

    @Scheduled(fixedDelayString = "${nearmiss.review.shred-every:PT1H}", initialDelayString = "PT30S")
    void shred() {
        try {
            int shredded = review.shredDue();
            if (shredded > 0) {
                log.info("Destroyed the text of {} reports past retention", shredded);
            }
        } catch (RuntimeException e) {
            // Tried again on the next run; the database may be briefly away.
            log.warn("Shredding did not finish: {}", e.getClass().getName());
        }
    }
}
