package io.attache.extract.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventMention;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.extract.RuleExtractor;
import io.attache.extract.kb.KbLoader;
import io.attache.ingest.Article;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A trip reported in the past tense: which day a weekday means, and what a purpose clause adds. */
class TravelTenseTest {

    private final RuleExtractor extractor = new RuleExtractor(KbLoader.fromClasspath("test-kb/"));

    /** Published on Wednesday 6 March 2030: "on Saturday" is 2 March in the past tense, 9 March ahead. */
    private List<String> visits(String text) {
        List<EventMention> events = extractor.extract(
                new Article("t-1", "https://example.invalid/1", "test", "2030-03-06", null, "Travel\n\n" + text, "en", null));
        return events.stream().map(e -> e.type() + " " + e.status() + " " + e.actor().name() + " " + e.hostCountry() + " " + e.date())
                .toList();
    }

    @Test
    @DisplayName("A weekday after a verb in the past tense is the one before publication, even when the next is nearer")
    void pastWeekday() {
        assertThat(visits("Tomás Herrera arrived in Nairobi on Saturday.")).containsExactly("VISIT COMPLETED Tomás Herrera KE 2030-03-02");
        assertThat(visits("Tomás Herrera will arrive in Nairobi on Saturday.")).containsExactly("VISIT PLANNED Tomás Herrera KE 2030-03-09");
    }

    @Test
    @DisplayName("'Flew to X on Saturday to attend the summit' is one trip made, not a trip made and another planned")
    void purposeOfATripMade() {
        assertThat(visits("Tomás Herrera flew to Nairobi on Saturday to attend the climate summit."))
                .containsExactly("VISIT COMPLETED Tomás Herrera KE 2030-03-02");
        assertThat(visits("Tomás Herrera will fly to Nairobi on Saturday to attend the climate summit."))
                .containsOnly("VISIT PLANNED Tomás Herrera KE 2030-03-09");
    }

    @Test
    @DisplayName("The purpose clause of a trip made stays with it however far the verb is: 'left X for Y on Saturday to attend'")
    void purposeAfterALongLeg() {
        assertThat(visits("Amina Bello left Santiago for Nairobi early on Saturday morning to attend the climate summit."))
                .containsExactly("VISIT COMPLETED Amina Bello KE 2030-03-02");
    }

    @Test
    @DisplayName("A call received from someone, or named by a phrase opening the sentence, is a call between both")
    void callPhrasings() {
        assertThat(calls("Amina Bello received a phone call from Tomás Herrera on Monday.")).containsExactly("[Amina Bello, Tomás Herrera]");
        assertThat(calls("In a phone call on Monday, Amina Bello and Tomás Herrera discussed the fund."))
                .containsExactly("[Amina Bello, Tomás Herrera]");
        assertThat(calls("Amina Bello received a letter from Tomás Herrera on Monday.")).isEmpty();
        assertThat(calls("Amina Bello held a video conference with Tomás Herrera on Monday.")).containsExactly("[Amina Bello, Tomás Herrera]");
    }

    private List<String> calls(String text) {
        return extractor.extract(new Article("t-1", "https://example.invalid/1", "test", "2030-03-06", null, "Calls\n\n" + text,
                        "en", null)).stream().filter(e -> e.type() == EventType.CALL)
                .map(e -> e.participants().stream().map(Principal::name).sorted().toList().toString()).toList();
    }

    @Test
    @DisplayName("A year after 'since' a few words back measures the time since, it does not date the visit")
    void sinceIsNotTheDate() {
        assertThat(visits("It was Tomás Herrera's first visit to Kenya since the country's new constitution in 2010."))
                .noneMatch(v -> v.endsWith(" 2010"));
    }

    @Test
    @DisplayName("A count of meetings is habitual, not an event; a visit called unlikely is speculation")
    void countsAndOdds() {
        assertThat(extractor.extract(new Article("t-1", "https://example.invalid/1", "test", "2030-03-06", null,
                "Ties\n\nAmina Bello and Tomás Herrera have met more than 30 times.", "en", null))).isEmpty();
        assertThat(visits("Analysts said a visit by Tomás Herrera to Nairobi was unlikely before the election."))
                .containsExactly("VISIT SPECULATED Tomás Herrera KE null");
    }

    @Test
    @DisplayName("A trip named in a phrase opening the sentence is the subject's; 'ahead of' it, it is still to come")
    void openingPhrase() {
        assertThat(visits("Ahead of his visit to Nairobi next week, Tomás Herrera said trade would top the agenda."))
                .containsExactly("VISIT PLANNED Tomás Herrera KE 2030-03");
        assertThat(visits("On the second day of her visit to Nairobi, Amina Bello toured a solar farm."))
                .anyMatch(v -> v.startsWith("VISIT") && v.contains("Amina Bello KE"));
    }

    @Test
    @DisplayName("'embarked on a tour, beginning with X' is a trip whose first stop is X")
    void tourBeginningWith() {
        assertThat(visits("Tomás Herrera on Monday embarked on a three-nation tour, beginning with Kenya."))
                .anyMatch(v -> v.startsWith("VISIT") && v.contains("Tomás Herrera KE"));
    }

    @Test
    @DisplayName("'Left X for Y' is a trip to Y, under way when it left that day")
    void leftForDestination() {
        assertThat(visits("Amina Bello left Santiago for Nairobi on Wednesday."))
                .containsExactly("VISIT UNDERWAY Amina Bello KE 2030-03-06");
    }
}
