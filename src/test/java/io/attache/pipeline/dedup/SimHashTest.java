package io.attache.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String STORY = """
            Harbour authorities said on Monday that the new ferry line between the two islands would open in
            the spring after delays caused by a dispute over berthing fees, a shortage of trained crews and a
            late delivery of the second vessel from the shipyard. The regional council approved a subsidy for
            the first three years, and the operator expects about four hundred thousand passengers a year once
            both ships are in service. Residents have campaigned for the route for more than a decade, arguing
            that the current connection through the mainland doubles travel times for students and patients.
            """;

    private static final String OTHER = """
            The national statistics office reported on Thursday that industrial output fell for a third month
            in a row, dragged down by weaker demand for machinery and a sharp drop in chemical production as
            energy prices stayed high through the autumn. Economists had expected a small rebound and said the
            figures raised the chance of another cut in interest rates before the end of the year, while the
            finance ministry insisted that the economy would avoid a recession thanks to strong household spending.
            """;

    @Test
    @DisplayName("A copy with other site furniture and an edited phrase is a near-duplicate; another story is not")
    void threshold() {
        String copy = "Menu Home Local News Sign in\n" + STORY.replace("on Monday", "on Monday morning") + "\nShare this article";
        assertThat(SimHash.distance(SimHash.fingerprint(STORY), SimHash.fingerprint(copy))).isLessThanOrEqualTo(SimHash.MAX_DISTANCE);
        assertThat(SimHash.distance(SimHash.fingerprint(STORY), SimHash.fingerprint(OTHER))).isGreaterThan(SimHash.MAX_DISTANCE);
    }

    @Test
    @DisplayName("Short texts get no fingerprint")
    void shortText() {
        assertThat(SimHash.fingerprint("Leaders met today in the capital.")).isNull();
    }

    @Test
    @DisplayName("Near-duplicate chains fold into one report whatever the insertion order")
    void reports() {
        Map<String, String> fps = new HashMap<>();
        fps.put("c", "0000000000000003");
        fps.put("a", "0000000000000000");
        fps.put("b", "0000000000000001");
        fps.put("z", "ffffffffffffffff");
        fps.put("n", null);
        Map<String, String> r = SimHash.reports(fps);
        assertThat(r).containsEntry("a", "a").containsEntry("b", "a").containsEntry("c", "a")
                .containsEntry("z", "z").containsEntry("n", "n");
    }
}
