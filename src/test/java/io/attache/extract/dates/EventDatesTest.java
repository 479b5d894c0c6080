package io.attache.extract.dates;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.RuleExtractor;
import io.attache.extract.kb.KbLoader;
import io.attache.ingest.Article;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates the whole extractor gives events, on sentences written for these tests over the fictional test KB. */
class EventDatesTest {

    private final RuleExtractor extractor = new RuleExtractor(KbLoader.fromClasspath("test-kb/"));

    private List<EventMention> run(String published, String text) {
        return extractor.extract(new Article("t-1", "https://example.invalid/1", "test", published, null, text, "en", null));
    }

    private EventMention visit(String published, String text, String host) {
        List<EventMention> visits = run(published, text).stream()
                .filter(e -> e.type() == EventType.VISIT && host.equals(e.hostCountry())).toList();
        assertThat(visits).as("one visit to " + host + " in: " + text).hasSize(1);
        return visits.get(0);
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @DisplayName("A month the text ties to last or next year keeps that year whatever the tense")
    @CsvSource(delimiter = '|', value = {
        "Amina Bello made a state visit to Kenya in October last year.|2030-04-10|2029-10",
        "Amina Bello visited Nairobi in August of last year.|2030-04-10|2029-08",
        "Amina Bello will travel to Nairobi in February next year.|2030-11-10|2031-02"})
    void monthWithRelativeYear(String text, String published, String date) {
        assertThat(visit(published, text, "KE").date()).isEqualTo(date);
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @DisplayName("A cancelled or refused trip takes the nearest month, before or after publication")
    @CsvSource(delimiter = '|', value = {
        "Amina Bello called off a trip to Kenya in February.|2030-05-20|2030-02",
        "Amina Bello called off her trip to Kenya planned for July.|2030-05-20|2030-07",
        "Amina Bello will not attend the summit in Nairobi in January.|2030-11-20|2031-01"})
    void cancelledMonths(String text, String published, String date) {
        assertThat(visit(published, text, "KE").date()).isEqualTo(date);
    }

    @Test
    @DisplayName("A year used as an adjective ('the 2019 floods') names another event and does not date this one")
    void attributiveYear() {
        assertThat(visit("2030-04-10", "Amina Bello is visiting Nairobi, and aides said the trip would mend ties "
                + "strained by the 2019 border dispute.", "KE").date()).isEqualTo("2030-04");
    }

    @Test
    @DisplayName("A plan told in the past keeps a month before publication")
    void pastPlan() {
        assertThat(visit("2030-04-10", "Amina Bello had been due to visit Kenya in February but postponed.", "KE").date())
                .isEqualTo("2030-02");
    }

    @Test
    @DisplayName("A date after 'before <verb>-ing' belongs to that verb, not to the meeting before it")
    void laterClauseDate() {
        List<EventMention> meetings = run("2030-04-10", "On Friday Amina Bello will fly to Nairobi, where she is "
                + "scheduled to meet Peter Kamau, before returning to Abuja on Sunday.").stream()
                .filter(e -> e.type() == EventType.MEETING).toList();
        assertThat(meetings).singleElement().satisfies(m -> assertThat(m.date()).isEqualTo("2030-04-12"));
    }

    @Test
    @DisplayName("The date of taking office is not the date of a trip")
    void tenureIsNotTripDate() {
        EventMention v = visit("2030-04-10",
                "Amina Bello visited Nairobi on Monday, her first trip there since taking office in May 2023.", "KE");
        assertThat(v.date()).isEqualTo("2030-04-08");
    }

    @Test
    @DisplayName("An undated refusal in a trip article takes the lead trip's date")
    void undatedRefusalTakesLeadDate() {
        List<EventMention> events = run("2030-04-10", "Peter Kamau will host a summit in Nairobi on April 14. "
                + "Amina Bello will travel to Nairobi on April 14 for the summit. Tomás Herrera will not attend the summit.");
        assertThat(events).filteredOn(e -> e.actor().name().equals("Tomás Herrera"))
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(EventStatus.DECLINED);
                    assertThat(e.date()).isEqualTo("2030-04-14");
                });
    }

    @Test
    @DisplayName("A trip dated to a month takes the day the article later gives its occasion")
    void occasionDayRefinesMonth() {
        List<EventMention> events = run("2030-04-02", "Amina Bello will not attend the Nairobi summit later this month. "
                + "Tomás Herrera will attend the Nairobi summit later this month. "
                + "Peter Kamau has invited dozens of leaders to the summit on April 24 and 25.");
        assertThat(events).filteredOn(e -> e.type() == EventType.VISIT && "KE".equals(e.hostCountry()))
                .extracting(e -> e.actor().name() + " " + e.date())
                .containsExactlyInAnyOrder("Amina Bello 2030-04-24", "Tomás Herrera 2030-04-24");
    }

    @Test
    @DisplayName("Skipping a named occasion takes the occasion's date; so does the one sent instead")
    void occasionNamedAgain() {
        List<EventMention> events = run("2030-04-02", "Leaders gather for the summit in Nairobi on April 24. "
                + "Amina Bello will not attend the Nairobi summit and will be represented by Tomás Herrera.");
        assertThat(events).filteredOn(e -> e.type() == EventType.VISIT)
                .extracting(e -> e.actor().name() + " " + e.status() + " " + e.date())
                .contains("Amina Bello DECLINED 2030-04-24");
    }

    @Test
    @DisplayName("'At the invitation of X' does not take the date from the visit it qualifies")
    void invitationOfKeepsDate() {
        EventMention v = visit("2030-04-02",
                "Amina Bello will pay a state visit to Kenya at the invitation of Peter Kamau on April 20.", "KE");
        assertThat(v.date()).isEqualTo("2030-04-20");
    }

    @Test
    @DisplayName("An undated meeting in a country takes the day of the participant's dated visit there")
    void meetingTakesVisitDay() {
        List<EventMention> events = run("2030-04-10", "Amina Bello has met Peter Kamau in Nairobi. "
                + "Amina Bello travelled to Nairobi on Wednesday morning.");
        assertThat(events).filteredOn(e -> e.type() == EventType.MEETING)
                .singleElement().satisfies(m -> assertThat(m.date()).isEqualTo("2030-04-10"));
    }

    @Test
    @DisplayName("A date in a 'where' clause after the place of departure dates the stop there, not the arrival")
    void originWhereClauseDate() {
        List<EventMention> events = run("2030-04-10", "Amina Bello began a state visit to Kenya on Wednesday.\n\n"
                + "Amina Bello arrived in Nairobi from Kampala, where on Monday she opened a regional trade fair.");
        assertThat(events).filteredOn(e -> e.type() == EventType.VISIT && "KE".equals(e.hostCountry()))
                .singleElement().satisfies(v -> assertThat(v.date()).isEqualTo("2030-04-10"));
    }

    @Test
    @DisplayName("Skipping a named gathering takes the gathering's date, not the day of the article's lead trip there")
    void skippedOccasionBeatsLeadDate() {
        List<EventMention> events = run("2030-04-10", "Amina Bello will travel to Nairobi on April 22 for a state visit.\n\n"
                + "The regional summit in Nairobi on April 20 is the highlight of the month.\n\n"
                + "Henrik Lund will not attend the Nairobi summit.");
        assertThat(events).filteredOn(e -> e.actor().name().equals("Henrik Lund"))
                .singleElement().satisfies(v -> {
                    assertThat(v.status()).isEqualTo(EventStatus.DECLINED);
                    assertThat(v.date()).isEqualTo("2030-04-20");
                });
    }

    @Test
    @DisplayName("A 'when' clause dates its own events, not a later trip with its own date")
    void whenClauseStopsAtLaterDate() {
        List<EventMention> events = run("2030-04-10", "Peter Kamau visited Nigeria in August 2027, when Abuja hosted "
                + "a summit, and Amina Bello travelled to Nairobi in September 2028 for a forum.");
        assertThat(events).filteredOn(e -> e.type() == EventType.VISIT)
                .extracting(e -> e.actor().name() + " " + e.date())
                .contains("Peter Kamau 2027-08", "Amina Bello 2028-09");
    }

    @Test
    @DisplayName("A past trip in the same month keeps its month: it may be another trip")
    void pastTripKeepsMonth() {
        List<EventMention> events = run("2030-04-20", "Amina Bello visited Kenya earlier this month. "
                + "Tomás Herrera will travel to Nairobi on April 28.");
        assertThat(events).filteredOn(e -> e.actor().name().equals("Amina Bello"))
                .singleElement().satisfies(e -> assertThat(e.date()).isEqualTo("2030-04"));
    }

    @Test
    @DisplayName("An arrival for a stated number of days that covers publication is a trip underway")
    void arrivalSpanningPublication() {
        EventMention v = visit("2030-04-10", "Amina Bello arrived in Nairobi on Monday for a four-day state visit.", "KE");
        assertThat(v.status()).isEqualTo(EventStatus.UNDERWAY);
        assertThat(v.date()).isEqualTo("2030-04-08");
        assertThat(v.dateEnd()).isEqualTo("2030-04-11");
    }

    @Test
    @DisplayName("A trip underway with no date stated is dated to the publication month")
    void underwayWithoutDate() {
        EventMention v = visit("2030-04-10", "Amina Bello is visiting Kenya.", "KE");
        assertThat(v.status()).isEqualTo(EventStatus.UNDERWAY);
        assertThat(v.date()).isEqualTo("2030-04");
    }
}
