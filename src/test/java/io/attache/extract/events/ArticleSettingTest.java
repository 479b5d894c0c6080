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

/** Lists of people and sentences that name no place take the trip or gathering the article is about. */
class ArticleSettingTest {

    private final RuleExtractor extractor = new RuleExtractor(KbLoader.fromClasspath("test-kb/"));

    private List<String> brief(String published, String text) {
        List<EventMention> events = extractor.extract(
                new Article("t-1", "https://example.invalid/1", "test", published, null, text, "en", null));
        return events.stream().map(e -> e.type() + " " + e.status() + " " + e.actor().name() + " " + e.hostCountry()
                + (e.type() == EventType.VISIT ? "" : " / " + e.participants().stream().map(Principal::name).sorted().toList()))
                .toList();
    }

    @Test
    @DisplayName("'Among those who arrived ... were A and B' gives a visit for each listed person")
    void amongWere() {
        assertThat(brief("2030-03-06", "Among the leaders who arrived in Nairobi on Tuesday were Nigeria's Amina Bello "
                + "and Chile's Tomás Herrera."))
                .contains("VISIT UNDERWAY Amina Bello KE", "VISIT UNDERWAY Tomás Herrera KE");
    }

    @Test
    @DisplayName("A bare arrival or absence takes the article's trip as its destination")
    void bareArrivalAndAbsence() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Monday for the climate summit.\n"
                + "Tomás Herrera arrived on Tuesday evening.\n"
                + "Henrik Lund will not attend, his office said."))
                .contains("VISIT UNDERWAY Tomás Herrera KE", "VISIT DECLINED Henrik Lund KE");
    }

    @Test
    @DisplayName("A participle opening a sentence takes the subject after its comma")
    void openingParticiple() {
        List<String> events = brief("2030-03-06", "Talks on the climate fund open on Thursday.\n"
                + "Arriving in Nairobi on Tuesday evening, Chile's Tomás Herrera told "
                + "reporters that a deal was within reach.\n"
                + "Asked about the visit, Amina Bello said she had not been consulted.");
        assertThat(events).contains("VISIT UNDERWAY Tomás Herrera KE");
        assertThat(events).noneMatch(e -> e.contains("Amina Bello"));
    }

    @Test
    @DisplayName("Arriving 'at the summit' when no summit was placed is the gathering the article covers, not the last place named")
    void theSummitIsTheArticles() {
        assertThat(brief("2030-03-06", "Climate fund talks open\n\n"
                + "Leaders arrived in Nairobi on Wednesday as the climate talks opened.\n"
                + "Henrik Lund is due to travel to Ankara on Friday for a meeting of donors.\n"
                + "Arriving at the summit, Tomás Herrera said he expected a deal."))
                .contains("VISIT UNDERWAY Tomás Herrera KE")
                .noneMatch(e -> e.startsWith("VISIT") && e.contains("Tomás Herrera") && !e.endsWith("KE"));
    }

    @Test
    @DisplayName("A headline about unnamed leaders arriving somewhere sets the destination for later arrivals")
    void headlineSetting() {
        assertThat(brief("2030-03-06", "Leaders arrive in Nairobi as climate week opens\n\n"
                + "Tomás Herrera arrived on Tuesday."))
                .containsExactly("VISIT UNDERWAY Tomás Herrera KE");
    }

    @Test
    @DisplayName("'His delegation includes X' is X's visit to the lead trip's destination")
    void delegationIncludes() {
        assertThat(brief("2030-03-06", "Tomás Herrera arrived in Oslo on Tuesday for talks.\n"
                + "His delegation includes Foreign Minister Lucía Méndez."))
                .contains("VISIT UNDERWAY Tomás Herrera NO")
                .anyMatch(e -> e.startsWith("VISIT") && e.contains("Lucía Méndez NO"));
    }

    @Test
    @DisplayName("An invitation is not the trip the article is about")
    void invitationIsNotTheLead() {
        assertThat(brief("2030-03-06", "Peter Kamau invited Amina Bello to visit Kenya next year.\n"
                + "Tomás Herrera arrived in Oslo on Tuesday.\n"
                + "Henrik Lund arrived on Wednesday."))
                .doesNotContain("VISIT UNDERWAY Henrik Lund KE");
    }

    @Test
    @DisplayName("'Leaders converge on X' sets the setting and 'confirmed attendees include' lists visitors to it")
    void convergeAndAttendees() {
        assertThat(brief("2030-03-06", "World leaders converge on Nairobi for climate summit\n\n"
                + "Confirmed attendees include Chilean President Tomás Herrera and Norwegian Prime Minister Henrik Lund."))
                .anyMatch(e -> e.startsWith("VISIT") && e.endsWith("Tomás Herrera KE"))
                .anyMatch(e -> e.startsWith("VISIT") && e.endsWith("Henrik Lund KE"));
    }

    @Test
    @DisplayName("A place after 'after <doing>' is an earlier stop, not where the traveller lands")
    void earlierStopIsNotTheDestination() {
        assertThat(brief("2030-03-06", "Tomás Herrera arrived in Nairobi on Monday.\n"
                + "Henrik Lund is scheduled to land in the capital on Tuesday after addressing parliament in Santiago."))
                .noneMatch(e -> e.contains("Henrik Lund CL"));
    }

    @Test
    @DisplayName("'with him' is the person named before who is not the subject")
    void withHim() {
        assertThat(brief("2030-03-06", "Peter Kamau welcomed the delegation at State House on Monday.\n"
                + "Amina Bello held talks with him on Tuesday."))
                .anyMatch(e -> e.startsWith("MEETING COMPLETED") && e.endsWith("[Amina Bello, Peter Kamau]"));
    }

    @Test
    @DisplayName("'spoke with both leaders' is one call with each of the two named before")
    void bothLeaders() {
        assertThat(brief("2030-03-06", "Henrik Lund and Tomás Herrera spoke by telephone on Monday.\n"
                + "Mei Lin later spoke by phone with both leaders."))
                .contains("CALL COMPLETED Mei Lin null / [Henrik Lund, Mei Lin]",
                        "CALL COMPLETED Mei Lin null / [Mei Lin, Tomás Herrera]");
    }

    @Test
    @DisplayName("'and then to X' after a dated leg is a visit to X as well")
    void laterLeg() {
        assertThat(brief("2030-03-06", "Amina Bello will fly to Nairobi for a state visit to Kenya from March 10 to 12 "
                + "and then to Accra."))
                .contains("VISIT PLANNED Amina Bello KE", "VISIT PLANNED Amina Bello GH");
    }

    @Test
    @DisplayName("A mediator at a meeting is not one of its sides; both sides travelled to the meeting city")
    void mediatorIsNotASide() {
        assertThat(brief("2030-03-06", "Tomás Herrera and Henrik Lund are due to meet in Nairobi on Saturday, "
                + "with Mei Lin acting as mediator."))
                .contains("MEETING PLANNED Tomás Herrera KE / [Henrik Lund, Tomás Herrera]",
                        "VISIT PLANNED Tomás Herrera KE", "VISIT PLANNED Henrik Lund KE")
                .noneMatch(e -> e.contains("Mei Lin"));
    }

    @Test
    @DisplayName("'did not travel' and 'decided against travelling' decline the article's trip")
    void negatedTravel() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Tuesday for the climate summit.\n"
                + "Tomás Herrera did not travel.\n"
                + "Henrik Lund decided last week against travelling to Nairobi."))
                .contains("VISIT DECLINED Tomás Herrera KE", "VISIT DECLINED Henrik Lund KE");
    }

    @Test
    @DisplayName("An undated stage of the article's trip takes the trip's date, whatever its status")
    void undatedStageTakesTheTripDate() {
        List<EventMention> events = extractor.extract(new Article("t-2", "https://example.invalid/2", "test", "2030-03-06",
                null, "Amina Bello arrived in Nairobi on March 4 for the climate summit.\n"
                + "Tomás Herrera was also in Nairobi.", "en", null));
        assertThat(events).filteredOn(e -> e.actor().name().equals("Tomás Herrera"))
                .singleElement().satisfies(e -> assertThat(e.date()).isEqualTo("2030-03-04"));
    }

    @Test
    @DisplayName("A list keeps going over a lower-case title between names")
    void listOverLowerCaseTitle() {
        assertThat(brief("2030-03-06", "Among the leaders who arrived in Nairobi on Tuesday were Nigeria's Amina Bello, "
                + "Chile's newly inaugurated President Tomás Herrera and Norway's Henrik Lund."))
                .contains("VISIT UNDERWAY Amina Bello KE", "VISIT UNDERWAY Tomás Herrera KE", "VISIT UNDERWAY Henrik Lund KE");
    }

    @Test
    @DisplayName("Someone left to represent the country attends the article's gathering")
    void representTheCountry() {
        assertThat(brief("2030-03-06", "Leaders arrive in Nairobi for climate summit\n\n"
                + "Amina Bello skipped the summit, leaving Foreign Minister Lucía Méndez to represent the country."))
                .contains("VISIT DECLINED Amina Bello KE")
                .anyMatch(e -> e.startsWith("VISIT") && e.endsWith("Lucía Méndez KE"));
    }

    @Test
    @DisplayName("A place name with an apostrophe is one name")
    void apostropheInPlaceName() {
        RuleExtractor withCity = new RuleExtractor(KbLoader.fromClasspath("events-kb/"));
        List<EventMention> events = withCity.extract(new Article("t-3", "https://example.invalid/3", "test", "2030-03-06",
                null, "Tomás Herrera arrived in Ol'Kalou on Tuesday.", "en", null));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.hostCountry()).isEqualTo("KE"));
    }

    @Test
    @DisplayName("Editors' corrections, topics of talks and counted habits are not events")
    void notEvents() {
        assertThat(brief("2030-03-06", "Correction: An earlier version of this story said Amina Bello visited Oslo.")).isEmpty();
        assertThat(brief("2030-03-06", "Amina Bello held talks with Peter Kamau in Nairobi on the situation in Accra."))
                .noneMatch(e -> e.endsWith("GH"));
        assertThat(brief("2030-03-06", "Amina Bello has visited Oslo, Santiago and Seoul several times since 2024.")).isEmpty();
    }

    @Test
    @DisplayName("'The president' is the article's protagonist when the protagonist holds that office")
    void roleMeansProtagonist() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Oslo on Monday.\n"
                + "She met Peter Kamau, who was also in Oslo.\n"
                + "The president will travel to Santiago on Friday."))
                .contains("VISIT PLANNED Amina Bello CL")
                .noneMatch(e -> e.contains("Peter Kamau CL"));
    }

    @Test
    @DisplayName("'He' at the start of a sentence is the subject of the sentence before")
    void pronounIsPreviousSubject() {
        assertThat(brief("2030-03-06", "Peter Kamau arrived in Oslo on Monday.\n"
                + "Tomás Herrera, a long-time ally, praised Amina Bello on Tuesday.\n"
                + "He last travelled to Seoul in May 2029."))
                .contains("VISIT COMPLETED Tomás Herrera KR")
                .noneMatch(e -> e.contains("Amina Bello KR") || e.contains("Peter Kamau KR"));
    }

    @Test
    @DisplayName("Members of a delegation travel as the leader does: underway while the leader's visit is")
    void delegationSharesTheLeadStatus() {
        assertThat(brief("2030-03-06", "Tomás Herrera arrived in Oslo on Tuesday for a three-day visit.\n"
                + "Foreign Minister Lucía Méndez is part of his delegation."))
                .contains("VISIT UNDERWAY Tomás Herrera NO", "VISIT UNDERWAY Lucía Méndez NO");
    }

    @Test
    @DisplayName("Talks with local leaders during the trip are held in the trip's country, one meeting each")
    void callsOnLocalLeadersInTurn() {
        assertThat(brief("2030-03-06", "Amina Bello arrives in Nairobi for state visit\n\n"
                + "Amina Bello landed in Nairobi on Monday, beginning a two-day state visit.\n"
                + "On Tuesday, she is scheduled to meet Peter Kamau and Jane Wanjiru."))
                .contains("MEETING PLANNED Amina Bello KE / [Amina Bello, Peter Kamau]",
                        "MEETING PLANNED Amina Bello KE / [Amina Bello, Jane Wanjiru]");
    }

    @Test
    @DisplayName("'met A and B separately' is one meeting with each")
    void separately() {
        assertThat(brief("2030-03-06", "Henrik Lund met Peter Kamau and Mei Lin separately in Seoul on Monday."))
                .contains("MEETING COMPLETED Henrik Lund KR / [Henrik Lund, Peter Kamau]",
                        "MEETING COMPLETED Henrik Lund KR / [Henrik Lund, Mei Lin]");
    }

    @Test
    @DisplayName("A trip named in an undated headline takes its date from the lede")
    void leadDateFromLede() {
        List<EventMention> events = extractor.extract(new Article("t-4", "https://example.invalid/4", "test", "2030-03-06",
                null, "Amina Bello arrives in Nairobi for state visit\n\n"
                + "Amina Bello landed in Nairobi on March 4, beginning a three-day state visit.\n"
                + "Her delegation includes Foreign Minister Lucía Méndez.", "en", null));
        assertThat(events).filteredOn(e -> e.actor().name().equals("Lucía Méndez"))
                .singleElement().satisfies(e -> assertThat(e.date()).isEqualTo("2030-03-04"));
    }

    @Test
    @DisplayName("A domestic reason for pulling out does not make the trip domestic")
    void domesticReason() {
        assertThat(brief("2030-03-06", "Amina Bello will not travel to Nairobi for next week's summit.\n"
                + "Tomás Herrera has also pulled out, citing domestic commitments."))
                .contains("VISIT DECLINED Amina Bello KE", "VISIT DECLINED Tomás Herrera KE");
    }

    private String dated(String published, String text) {
        return extractor.extract(new Article("t-5", "https://example.invalid/5", "test", published, null, text, "en", null))
                .stream().map(e -> e.status() + " " + e.hostCountry() + " " + e.date()).findFirst().orElse("none");
    }

    @Test
    @DisplayName("A trip called off or refused takes the nearest month, a visit 'after' which something happens the past one")
    void cancelledAndAfterDates() {
        assertThat(dated("2030-03-06", "Tomás Herrera called off a tour of Kenya in early February.")).isEqualTo("CANCELLED KE 2030-02");
        assertThat(dated("2030-03-06", "Henrik Lund boycotted the summit in Nairobi in April.")).isEqualTo("DECLINED KE 2030-04");
        assertThat(dated("2030-03-06", "The talks come after Amina Bello's state visit to Chile in April."))
                .isEqualTo("COMPLETED CL 2029-04");
    }

    @Test
    @DisplayName("'called on X' is a courtesy meeting, 'called on X to act' an appeal; a 'since' date does not place a visit")
    void calledOnAndSince() {
        assertThat(brief("2030-03-06", "Henrik Lund visited Seoul on Monday and called on Park Min Jae."))
                .contains("MEETING COMPLETED Henrik Lund KR / [Henrik Lund, Park Min Jae]");
        assertThat(brief("2030-03-06", "Henrik Lund called on Park Min Jae to release the prisoners.")).isEmpty();
        assertThat(dated("2030-03-06", "Henrik Lund, who arrived in Seoul on Tuesday, is on his first visit to Korea "
                + "since taking office in 2021.")).isEqualTo("UNDERWAY KR 2030-03-05");
    }

    @Test
    @DisplayName("'a visit to Y in April by X' is X's visit, not the subject's")
    void visitByAfterPlaceAndDate() {
        assertThat(brief("2030-03-06", "Amina Bello's trip follows a visit to Chile in January by Norwegian Prime Minister "
                + "Henrik Lund."))
                .anyMatch(e -> e.endsWith("Henrik Lund CL"))
                .noneMatch(e -> e.endsWith("Amina Bello CL"));
    }

    @Test
    @DisplayName("Someone who criticises the trip is not on it")
    void commentOnTheTrip() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Oslo on Tuesday.\n"
                + "Opposition leader Jane Wanjiru criticised the trip."))
                .containsExactly("VISIT UNDERWAY Amina Bello NO");
    }

    @Test
    @DisplayName("'Plans for a Lund-Herrera summit in X, ..., have been put on hold' is a cancelled meeting of both")
    void hyphenPairAndPassiveCancel() {
        assertThat(brief("2030-03-06", "Plans for a Lund-Herrera summit in Seoul, announced after the two men spoke "
                + "in January, have since been put on hold."))
                .contains("MEETING CANCELLED Henrik Lund KR / [Henrik Lund, Tomás Herrera]");
    }

    @Test
    @DisplayName("'met X, in a meeting hosted by Y' is one meeting of all three")
    void hostedMeeting() {
        assertThat(brief("2030-03-06", "In Nairobi, Henrik Lund met Tomás Herrera on Monday, in a meeting hosted by "
                + "Peter Kamau."))
                .contains("MEETING COMPLETED Henrik Lund KE / [Henrik Lund, Peter Kamau, Tomás Herrera]")
                .noneMatch(e -> e.startsWith("MEETING") && e.endsWith("[Peter Kamau, Tomás Herrera]"));
    }

    @Test
    @DisplayName("'no trip on her agenda' is not an event")
    void noTrip() {
        assertThat(brief("2030-03-06", "Amina Bello said there was no trip to Oslo on her agenda for now.")).isEmpty();
    }
}
