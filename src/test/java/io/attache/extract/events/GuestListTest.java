package io.attache.extract.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventType;
import io.attache.extract.RuleExtractor;
import io.attache.extract.kb.KbLoader;
import io.attache.ingest.Article;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Guests named in a list, as a passive "attended by" or after "including": one visit each. */
class GuestListTest {

    private final RuleExtractor extractor = new RuleExtractor(KbLoader.fromClasspath("test-kb/"));

    private List<String> visitors(String text) {
        return extractor.extract(new Article("t-1", "https://example.invalid/1", "test", "2030-03-06", null, "Summit\n\n" + text,
                        "en", null)).stream().filter(e -> e.type() == EventType.VISIT)
                .map(e -> e.actor().name() + " " + e.hostCountry()).sorted().toList();
    }

    @Test
    @DisplayName("'was attended by A, B and C' is a visit by each of them")
    void attendedBy() {
        assertThat(visitors("The climate summit in Nairobi on Tuesday was attended by Amina Bello, Tomás Herrera and Henrik Lund."))
                .containsExactly("Amina Bello KE", "Henrik Lund KE", "Tomás Herrera KE");
    }

    @Test
    @DisplayName("'talks with visiting leader X in <city>' places the talks there and makes X the visitor; 'is visiting Y' stays a trip")
    void visitingAsAdjective() {
        assertThat(visitors("Peter Kamau held talks with visiting Chilean President Tomás Herrera in Nairobi on Tuesday."))
                .containsExactly("Tomás Herrera KE");
        assertThat(visitors("Tomás Herrera is visiting President Peter Kamau in Nairobi this week."))
                .containsExactly("Tomás Herrera KE");
    }

    @Test
    @DisplayName("Talks with no place of their own are where a participant is visiting in the same sentence")
    void talksWhereTheGuestIs() {
        List<String> hosts = extractor.extract(new Article("t-1", "https://example.invalid/1", "test", "2030-03-06", null,
                        "Talks\n\nPeter Kamau met Tomás Herrera, who is on an official visit to Kenya, at the presidential "
                                + "lodge on Tuesday.", "en", null)).stream()
                .filter(e -> e.type() == EventType.MEETING).map(e -> String.valueOf(e.hostCountry())).toList();
        assertThat(hosts).containsExactly("KE");
    }

    @Test
    @DisplayName("A host receiving unnamed leaders 'including A and B' receives visits from A and B")
    void hostedIncluding() {
        assertThat(visitors("Peter Kamau hosted more than 20 leaders in Nairobi on Tuesday, including Amina Bello and Henrik Lund."))
                .containsExactly("Amina Bello KE", "Henrik Lund KE");
    }
}
