package io.attache.extract.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventMention;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.extract.RuleExtractor;
import io.attache.ingest.Article;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Royal titles resolve by the title itself and the day, never to a president named nearby. */
class RoleTitleTest {

    private static final Person KING = new Person("olav-berg", "King Olav Berg", List.of("Olav Berg"), List.of("Olav"),
            "NO", List.of(new Role("King", "HEAD_OF_STATE", "NO", null, "2016-01-17", null)));
    private static final KnowledgeBase KB = KbLoader.fromClasspath("test-kb/").withPerson(KING);

    private List<String> meetings(String published, String text) {
        List<EventMention> events = new RuleExtractor(KB).extract(
                new Article("t-1", "https://example.invalid/1", "test", published, null, text, "en", null));
        return events.stream().filter(e -> e.type() == EventType.MEETING)
                .map(e -> e.participants().stream().map(Principal::name).sorted().toList().toString()).toList();
    }

    @Test
    @DisplayName("A title holder is found by the words of the title on the day, not by the kind alone")
    void titleHolders() {
        LocalDate day = LocalDate.parse("2030-03-01");
        assertThat(KB.titleHolders("NO", "king", day)).extracting(Person::id).containsExactly("olav-berg");
        assertThat(KB.titleHolders("NO", "king", LocalDate.parse("2015-01-01"))).isEmpty();
        assertThat(KB.titleHolders("KE", "king", day)).isEmpty();
        assertThat(KB.titleHolders("NO", "prime minister", day)).extracting(Person::id).containsExactly("henrik-lund");
    }

    @Test
    @DisplayName("'the King' is not the president named in the sentence before")
    void kingIsNotAPresident() {
        assertThat(meetings("2030-03-01", "OSLO — Kenyan President Peter Kamau arrived in Norway on Friday. "
                + "Kamau is due to meet the King at the palace on Saturday."))
                .containsExactly("[King Olav Berg, Peter Kamau]");
    }

    @Test
    @DisplayName("'the King' with no monarch in the story's setting is left unresolved")
    void noMonarchNoMeeting() {
        assertThat(meetings("2030-03-01", "NAIROBI — Norwegian Prime Minister Henrik Lund arrived in Kenya on Friday. "
                + "Peter Kamau received Lund at State House. Lund is due to meet the King on Saturday.")).allMatch(m -> !m.contains("Olav"));
    }

    @Test
    @DisplayName("'the prime minister' in a trip story is the visiting one, though the host was named last")
    void visitingPrimeMinister() {
        Person host = new Person("sara-tan", "Sara Tan", List.of(), List.of("Tan"), "SG",
                List.of(new Role("Prime Minister", "HEAD_OF_GOVERNMENT", "SG", null, "2020-01-01", null)));
        List<EventMention> events = new RuleExtractor(KB.withPerson(host)).extract(new Article("t-1",
                "https://example.invalid/1", "test", "2030-03-01", null,
                "Norwegian Prime Minister Henrik Lund arrived in Singapore on Friday for talks with Sara Tan. "
                + "The prime minister will travel on to Nairobi on Sunday.", "en", null));
        assertThat(events).filteredOn(e -> e.type() == EventType.VISIT && "KE".equals(e.hostCountry()))
                .extracting(e -> e.actor().name()).containsExactly("Henrik Lund");
    }
}
