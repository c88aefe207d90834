package org.nearmiss.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nearmiss.review.Publications;
import org.nearmiss.review.Review;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ContextConfiguration;

/** The demo fills an empty installation with a varied library, work for reviewers, and account links. */
@SpringBootTest(properties = "nearmiss.demo=true")
@ContextConfiguration(initializers = TempDataDir.class)
@ExtendWith(OutputCaptureExtension.class)
class DemoTests {

    @Autowired
    Publications publications;

    @Autowired
    LibraryIndex index;

    @Autowired
    Review review;

    @Test
    void anEmptyInstallationGetsALibraryReportsToReviewAndAnInvitationPerRole(CapturedOutput output) {
        assertThat(publications.lastSequence()).isEqualTo(Demo.LIBRARY);
        index.catchUp();
        LibrarySearch.Result all = index.search(new LibrarySearch("", Map.of(), null, 1, 10));
        assertThat(all.total()).isEqualTo(Demo.LIBRARY);
        assertThat(all.facets())
                .filteredOn(f -> f.dimension().equals("activity"))
                .singleElement()
                .satisfies(f -> assertThat(f.values()).hasSizeGreaterThanOrEqualTo(8));
        assertThat(index.search(new LibrarySearch("knife", Map.of(), null, 1, 10))
                        .total())
                .isPositive();
        assertThat(review.queue()).hasSizeGreaterThanOrEqualTo(Demo.WAITING);
        assertThat(output.getOut())
                .contains("Demo library: 400")
                .contains("/join/")
                .contains("Approver");
    }
}
