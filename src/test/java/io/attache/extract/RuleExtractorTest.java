package io.attache.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.kb.KbLoader;
import io.attache.extract.kb.Person;
import io.attache.ingest.Article;
import io.attache.json.Json;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of the rules on sentences written for these tests, over the small fictional KB in test-kb/. */
class RuleExtractorTest {

    private final RuleExtractor extractor = new RuleExtractor(KbLoader.fromClasspath("test-kb/"));

    private List<EventMention> run(String published, String text) {
        return extractor.extract(new Article("t-1", "https://example.invalid/1", "test", published, null, text, "en", null));
    }

    /** "TYPE STATUS actor host date" per event, participants sorted after a slash for non-visits. */
    private List<String> brief(String published, String text) {
        return run(published, text).stream().map(e -> e.type() + " " + e.status() + " " + e.actor().name() + " "
                + e.hostCountry() + " " + e.date() + (e.type() == EventType.VISIT ? ""
                : " / " + e.participants().stream().map(Principal::name).sorted().toList())).toList();
    }

    @Nested
    @DisplayName("Status")
    class Status {

        @ParameterizedTest(name = "{0}")
        @DisplayName("Each status cue gives its status")
        @CsvSource(delimiter = '|', value = {
            "Amina Bello may visit Kenya in August, diplomats said.|SPECULATED",
            "There is speculation that Amina Bello could travel to Nairobi.|SPECULATED",
            "Peter Kamau has invited Amina Bello to visit Kenya.|INVITED",
            "Amina Bello will travel to Nairobi next week for talks.|PLANNED",
            "Amina Bello is scheduled to visit Kenya on Thursday.|PLANNED",
            "Amina Bello arrived in Nairobi on Monday for a two-day visit.|UNDERWAY",
            "Amina Bello is visiting Kenya this week.|UNDERWAY",
            "Amina Bello is on a two-day state visit to Kenya.|UNDERWAY",
            "Amina Bello visited Nairobi last month.|COMPLETED",
            "Amina Bello has called off her trip to Kenya.|CANCELLED",
            "Amina Bello postponed a visit to Kenya indefinitely.|CANCELLED",
            "Amina Bello will not attend the summit in Nairobi next month.|DECLINED",
            "Amina Bello won't travel to Kenya for the summit.|DECLINED",
            "Amina Bello will skip the summit in Nairobi.|DECLINED",
            "Amina Bello pulled out of the summit in Nairobi.|DECLINED",
            "Amina Bello said she was ready to visit Kenya.|SPECULATED",
            "“Amina Bello will travel to Nairobi in May,” said an analyst at a think tank.|SPECULATED",
            "Amina Bello stayed away from the summit in Nairobi this week.|DECLINED",
            "Amina Bello is expected in Nairobi next week.|PLANNED",
            "Amina Bello is also due in Nairobi on Friday.|PLANNED",
            "Amina Bello has been invited to visit Kenya.|INVITED",
            "Amina Bello turned down an invitation to visit Kenya.|DECLINED"})
        void cues(String sentence, EventStatus expected) {
            List<EventMention> events = run("2030-03-06", sentence);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).type()).isEqualTo(EventType.VISIT);
            assertThat(events.get(0).hostCountry()).isEqualTo("KE");
            assertThat(events.get(0).status()).isEqualTo(expected);
        }

        @Test
        @DisplayName("A negated past with 'has not' states an absence, not an event")
        void negatedPerfect() {
            assertThat(run("2030-03-06", "Amina Bello has not visited Kenya since 2019.")).isEmpty();
        }

        @Test
        @DisplayName("Hypotheticals, habits and domestic trips are not events")
        void notEvents() {
            assertThat(run("2030-03-06", "If Amina Bello visits Nairobi, trade talks would follow.")).isEmpty();
            assertThat(run("2030-03-06", "Amina Bello and Peter Kamau have met five times since 2024.")).isEmpty();
            assertThat(run("2030-03-06", "Amina Bello visited Lagos on Monday to inspect a refinery.")).isEmpty();
            assertThat(run("2030-03-06", "Peter Kamau toured a domestic factory on Monday.")).isEmpty();
        }
    }

    @Test
    @DisplayName("A list of attendees gives one visit per named person")
    void coordination() {
        assertThat(brief("2030-03-06", "The summit in Nairobi opens on March 20.\n"
                + "Leaders attending include Nigerian President Amina Bello, Chilean President Tomás Herrera and "
                + "Norwegian Prime Minister Henrik Lund."))
                .containsExactlyInAnyOrder("VISIT PLANNED Amina Bello KE 2030-03-20",
                        "VISIT PLANNED Tomás Herrera KE 2030-03-20", "VISIT PLANNED Henrik Lund KE 2030-03-20");
    }

    @Test
    @DisplayName("A trip through two countries is one visit to each; leaving a city ends a visit there")
    void severalDestinations() {
        assertThat(brief("2030-03-06", "Yusuf Demir has called off a tour of Nigeria and Ghana planned for April."))
                .containsExactlyInAnyOrder("VISIT CANCELLED Yusuf Demir NG 2030-04", "VISIT CANCELLED Yusuf Demir GH 2030-04");
        assertThat(brief("2030-03-06", "Most leaders left Nairobi on Tuesday, including Amina Bello and Tomás Herrera."))
                .containsExactlyInAnyOrder("VISIT COMPLETED Amina Bello KE 2030-03-05", "VISIT COMPLETED Tomás Herrera KE 2030-03-05");
    }

    @Test
    @DisplayName("A role phrase resolves to whoever held the office on the publication day")
    void roleAcrossChangeOfOffice() {
        String text = "The Kenyan president will visit Oslo next month.";
        assertThat(brief("2024-03-01", text)).containsExactly("VISIT PLANNED Jane Wanjiru NO 2024-04");
        assertThat(brief("2025-03-01", text)).containsExactly("VISIT PLANNED Peter Kamau NO 2025-04");
        assertThat(brief("2025-03-01", "Former Kenyan President Jane Wanjiru will visit Oslo next month."))
                .containsExactly("VISIT PLANNED Jane Wanjiru NO 2025-04");
    }

    @Test
    @DisplayName("A short name is the person the article named in full, not a namesake")
    void shortNames() {
        assertThat(brief("2030-03-06", "Former president Park Sung Ho attended the dinner in Seoul.\n"
                + "South Korean President Park Min Jae will fly to Oslo on Friday. Park will meet Henrik Lund there."))
                .contains("VISIT PLANNED Park Min Jae NO 2030-03-08");
        assertThat(run("2030-03-06", "Analyst Stella Park will travel to Oslo next week.")).isEmpty();
    }

    @Test
    @DisplayName("A person the KB lacks, introduced with nationality and title, is a principal")
    void unknownTitledPerson() {
        List<EventMention> events = run("2030-03-06", "Ghanaian Foreign Minister Kofi Mensah arrived in Abuja on Tuesday.");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).actor()).isEqualTo(new Principal("kofi-mensah", "Kofi Mensah", "GH", "Foreign Minister", false));
        assertThat(events.get(0).hostCountry()).isEqualTo("NG");
    }

    @Test
    @DisplayName("Bylines and author bios name no principals")
    void bylinesAndBios() {
        String text = "By Henrik Lund\nReporting by Mei Lin; Editing by Peter Kamau\nAmina Bello will travel to Nairobi next week.\n"
                + "Tomás Herrera is a journalist who has visited Kenya many times and reported from Nairobi.";
        assertThat(brief("2030-03-06", text)).containsExactly("VISIT PLANNED Amina Bello KE 2030-03");
    }

    @Test
    @DisplayName("A meeting in the host's country implies the visitor's trip there, still underway the day after")
    void meetingImpliesVisit() {
        assertThat(brief("2030-03-05", "Amina Bello met Peter Kamau at State House in Nairobi on Monday."))
                .containsExactlyInAnyOrder("MEETING COMPLETED Amina Bello KE 2030-03-04 / [Amina Bello, Peter Kamau]",
                        "VISIT UNDERWAY Amina Bello KE 2030-03-04");
        assertThat(brief("2030-03-06", "Amina Bello met Peter Kamau in Nairobi last month."))
                .containsExactlyInAnyOrder("MEETING COMPLETED Amina Bello KE 2030-02 / [Amina Bello, Peter Kamau]",
                        "VISIT COMPLETED Amina Bello KE 2030-02");
    }

    @Test
    @DisplayName("A trip reported over is completed even after an arrival; a late 'shelved' cancels the whole clause")
    void endOfTrip() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Tuesday.\nAmina Bello left Nairobi on Wednesday."))
                .containsExactly("VISIT COMPLETED Amina Bello KE 2030-03-05");
        assertThat(brief("2030-03-06", "A planned visit by Amina Bello to Kenya and Ghana in early April has been shelved."))
                .containsExactlyInAnyOrder("VISIT CANCELLED Amina Bello KE 2030-04", "VISIT CANCELLED Amina Bello GH 2030-04");
    }

    @Test
    @DisplayName("Calling someone names and sending them a message are not events")
    void falseFriends() {
        assertThat(run("2030-03-06", "Henrik Lund called Mei Lin a reliable partner on Tuesday.")).isEmpty();
        assertThat(run("2030-03-06", "Peter Kamau sent a letter to Amina Bello in Abuja on Monday.")).isEmpty();
        assertThat(brief("2030-03-06", "Henrik Lund called Mei Lin on Tuesday to discuss shipping."))
                .containsExactly("CALL COMPLETED Henrik Lund null 2030-03-05 / [Henrik Lund, Mei Lin]");
    }

    @Test
    @DisplayName("Calls and signings list every principal")
    void callsAndAgreements() {
        assertThat(brief("2030-03-06", "Henrik Lund and Mei Lin spoke by telephone on Tuesday."))
                .containsExactly("CALL COMPLETED Henrik Lund null 2030-03-05 / [Henrik Lund, Mei Lin]");
        assertThat(brief("2030-03-06", "Yusuf Demir and Amina Bello signed a defence agreement in Abuja on Monday."))
                .contains("AGREEMENT COMPLETED Yusuf Demir NG 2030-03-04 / [Amina Bello, Yusuf Demir]");
        assertThat(brief("2030-03-06", "Henrik Lund and Mei Lin signed a five-year action plan in Oslo on Monday."))
                .contains("AGREEMENT COMPLETED Henrik Lund NO 2030-03-04 / [Henrik Lund, Mei Lin]");
    }

    @Test
    @DisplayName("'He also spoke with X' right after a call is another call; after a visit it is not")
    void alsoSpokeAfterCall() {
        assertThat(brief("2030-03-06", "Henrik Lund spoke by telephone with Mei Lin on Tuesday. "
                + "He also spoke with Yusuf Demir twice on Tuesday, an aide said."))
                .containsExactlyInAnyOrder("CALL COMPLETED Henrik Lund null 2030-03-05 / [Henrik Lund, Mei Lin]",
                        "CALL COMPLETED Henrik Lund null 2030-03-05 / [Henrik Lund, Yusuf Demir]");
        assertThat(brief("2030-03-06", "Henrik Lund visited Nairobi on Tuesday. He also spoke with Yusuf Demir, an aide said."))
                .noneMatch(e -> e.startsWith("CALL"));
    }

    @Test
    @DisplayName("Call phrasings: 'spoke to X by telephone', separate calls, 'the two leaders' for the pair just named")
    void callPhrasings() {
        assertThat(brief("2030-03-06", "Mei Lin spoke to Henrik Lund by telephone on Tuesday evening."))
                .containsExactly("CALL COMPLETED Mei Lin null 2030-03-05 / [Henrik Lund, Mei Lin]");
        assertThat(brief("2030-03-06", "Yusuf Demir held separate calls with Amina Bello and Tomás Herrera on Monday."))
                .containsExactlyInAnyOrder("CALL COMPLETED Yusuf Demir null 2030-03-04 / [Amina Bello, Yusuf Demir]",
                        "CALL COMPLETED Yusuf Demir null 2030-03-04 / [Tomás Herrera, Yusuf Demir]");
        assertThat(brief("2030-03-06", "Yusuf Demir had spoken by phone with Amina Bello and with Mei Lin on Sunday."))
                .containsExactlyInAnyOrder("CALL COMPLETED Yusuf Demir null 2030-03-03 / [Amina Bello, Yusuf Demir]",
                        "CALL COMPLETED Yusuf Demir null 2030-03-03 / [Mei Lin, Yusuf Demir]");
        assertThat(brief("2030-03-06", "Henrik Lund said Mei Lin had agreed to drop the port fees, after the two leaders "
                + "held a phone conversation on Monday."))
                .containsExactly("CALL COMPLETED Henrik Lund null 2030-03-04 / [Henrik Lund, Mei Lin]");
    }

    @Test
    @DisplayName("An entourage named after a background paragraph travels with the article's trip")
    void entourageOfTheLeadTrip() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Tuesday for a three-day state visit.\n"
                + "Peter Kamau travelled to Abuja in May last year.\n"
                + "Amina Bello was accompanied by Foreign Minister Chidi Okafor and Finance Minister Ngozi Eze."))
                .contains("VISIT UNDERWAY Chidi Okafor KE 2030-03-05", "VISIT UNDERWAY Ngozi Eze KE 2030-03-05")
                .noneMatch(e -> e.contains("Okafor NG") || e.contains("Eze NG"));
    }

    @Test
    @DisplayName("Received or greeted by a head of state is a meeting; by a minister or officials at an airport it is not")
    void receivedBy() {
        assertThat(brief("2030-03-06", "Amina Bello was received with full honours at State House on Monday by her "
                + "Kenyan counterpart Peter Kamau."))
                .contains("MEETING COMPLETED Amina Bello KE 2030-03-04 / [Amina Bello, Peter Kamau]");
        assertThat(brief("2030-03-06", "Amina Bello arrived in Kenya on Monday, greeted at the airport by President "
                + "Peter Kamau."))
                .contains("MEETING COMPLETED Amina Bello KE 2030-03-04 / [Amina Bello, Peter Kamau]");
        assertThat(brief("2030-03-06", "Amina Bello arrived in Kenya on Monday and was received at the airport by "
                + "Kenyan Foreign Minister Grace Otieno."))
                .noneMatch(e -> e.startsWith("MEETING"));
        assertThat(brief("2030-03-06", "Amina Bello was greeted by officials on arrival at King Kamau International "
                + "Airport in Nairobi on Monday."))
                .noneMatch(e -> e.startsWith("MEETING"));
    }

    @Test
    @DisplayName("Two visitors meeting on the sidelines of a gathering meet where the story is filed, and both travelled there")
    void sidelinesMeeting() {
        assertThat(brief("2030-03-06", "NAIROBI — A climate conference closed on Wednesday with new pledges.\n"
                + "On the sidelines, Amina Bello met Tomás Herrera on Wednesday morning."))
                .contains("MEETING COMPLETED Amina Bello KE 2030-03-06 / [Amina Bello, Tomás Herrera]")
                .anyMatch(e -> e.startsWith("VISIT") && e.contains("Amina Bello KE"))
                .anyMatch(e -> e.startsWith("VISIT") && e.contains("Tomás Herrera KE"));
    }

    @Test
    @DisplayName("An amount and a programme name may stand between 'signed' and the agreement noun")
    void longAgreementName() {
        assertThat(brief("2030-03-06", "Henrik Lund and Mei Lin signed a €1.5 billion Blue Harbour Partnership "
                + "agreement on Monday."))
                .contains("AGREEMENT COMPLETED Henrik Lund null 2030-03-04 / [Henrik Lund, Mei Lin]");
    }

    @Test
    @DisplayName("'Joined X in <city>' is a trip there; 'joined the talks' and 'was joined by' are not")
    void joinedIn() {
        assertThat(brief("2030-03-06", "Amina Bello joined East African leaders in Nairobi on Monday for the forum."))
                .contains("VISIT COMPLETED Amina Bello KE 2030-03-04");
        assertThat(run("2030-03-06", "Amina Bello joined the talks on Monday.")).isEmpty();
        assertThat(brief("2030-03-06", "Amina Bello was joined by Tomás Herrera at the dinner in Abuja on Monday."))
                .noneMatch(e -> e.startsWith("VISIT"));
    }

    @Test
    @DisplayName("A trip that began the day before publication and is not reported over is underway")
    void beganYesterday() {
        assertThat(brief("2030-03-03", "Amina Bello flew to Nairobi on Saturday for talks on the corridor."))
                .contains("VISIT UNDERWAY Amina Bello KE 2030-03-02");
        assertThat(brief("2030-03-03", "Amina Bello flew to Nairobi on Saturday and left the same evening."))
                .contains("VISIT COMPLETED Amina Bello KE 2030-03-02");
        assertThat(brief("2030-03-06", "Amina Bello flew to Nairobi on Saturday for talks on the corridor."))
                .contains("VISIT COMPLETED Amina Bello KE 2030-03-02");
    }

    @Test
    @DisplayName("'Arrived in X from Y' also reports a finished stop in Y, unless Y is home or the arrivals are not principals")
    void earlierLeg() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Tuesday from Accra."))
                .contains("VISIT UNDERWAY Amina Bello KE 2030-03-05", "VISIT COMPLETED Amina Bello GH 2030-03");
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Tuesday from Abuja."))
                .containsExactly("VISIT UNDERWAY Amina Bello KE 2030-03-05");
        assertThat(brief("2030-03-06", "Amina Bello visited a camp in Kenya, where thousands of people have arrived "
                + "from Ethiopia since January."))
                .noneMatch(e -> e.contains(" ET "));
    }

    @Test
    @DisplayName("A relative clause with its own subject ('which Kenya attended') does not make the main subject attend")
    void relativeClauseSubject() {
        assertThat(brief("2030-03-06", "Amina Bello will attend the energy summit in Oslo next week.\n"
                + "Amina Bello was in Accra in January for the trade forum, which Kenya attended as an observer."))
                .containsExactlyInAnyOrder("VISIT PLANNED Amina Bello NO 2030-03", "VISIT COMPLETED Amina Bello GH 2030-01");
    }

    @Test
    @DisplayName("'PM Lund' is the short name after a title; an entourage goes where the sentence's traveller arrived")
    void titledShortNameAndEntourage() {
        assertThat(brief("2030-03-06", "Henrik Lund spoke to reporters in Oslo.\nPM Lund arrived in Nairobi on Tuesday."))
                .contains("VISIT UNDERWAY Henrik Lund KE 2030-03-05");
        assertThat(brief("2030-03-06", "President Bello, who arrived in Nairobi on Tuesday for a state visit, was "
                + "accompanied by Foreign Minister Chidi Okafor and Finance Minister Ngozi Eze."))
                .contains("VISIT UNDERWAY Amina Bello KE 2030-03-05", "VISIT UNDERWAY Chidi Okafor KE 2030-03-05",
                        "VISIT UNDERWAY Ngozi Eze KE 2030-03-05");
    }

    @Test
    @DisplayName("A signing 'by A and B at a venue in <city>' takes the city; a seat's name shared by capitals yields to it")
    void signedByAtVenue() {
        assertThat(brief("2030-03-06", "The treaty was signed by Nigerian President Amina Bello and Chilean President "
                + "Tomás Herrera at the old colonial lodge in Nairobi on Monday."))
                .contains("AGREEMENT COMPLETED Amina Bello KE 2030-03-04 / [Amina Bello, Tomás Herrera]");
        assertThat(brief("2030-03-06", "Peter Kamau and Amina Bello signed the accord at State House in Abuja on Monday."))
                .contains("AGREEMENT COMPLETED Peter Kamau NG 2030-03-04 / [Amina Bello, Peter Kamau]");
    }

    @Test
    @DisplayName("'Who' takes its antecedent (plural verb: the whole list); an accompanied or met person is an object")
    void relativeWhoAndObjects() {
        assertThat(brief("2030-03-06", "Officials said Amina Bello would meet Tomás Herrera, who is also in Nairobi "
                + "for the forum."))
                .anyMatch(e -> e.startsWith("VISIT") && e.contains("Tomás Herrera KE"))
                .noneMatch(e -> e.startsWith("VISIT UNDERWAY Amina"));
        assertThat(brief("2030-03-06", "The delegation includes Foreign Minister Chidi Okafor and Finance Minister "
                + "Ngozi Eze, who arrived in Nairobi with the president on Tuesday."))
                .contains("VISIT UNDERWAY Chidi Okafor KE 2030-03-05", "VISIT UNDERWAY Ngozi Eze KE 2030-03-05");
        assertThat(brief("2030-03-06", "Chidi Okafor will not accompany President Amina Bello; he is in Oslo this week."))
                .anyMatch(e -> e.contains("Chidi Okafor NO"))
                .noneMatch(e -> e.contains("Amina Bello NO"));
    }

    @Test
    @DisplayName("'A and B are accompanying the president': the subjects travel, not the one they accompany twice over")
    void accompanyingProgressive() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Tuesday.\n"
                + "Foreign Minister Chidi Okafor and Finance Minister Ngozi Eze are accompanying the president."))
                .contains("VISIT UNDERWAY Chidi Okafor KE 2030-03-05", "VISIT UNDERWAY Ngozi Eze KE 2030-03-05");
    }

    @Test
    @DisplayName("'The Foreign Minister, A, and the Finance Minister, B' coordinates both appositive names")
    void appositiveTitlesCoordinated() {
        assertThat(brief("2030-03-06", "Amina Bello arrived in Nairobi on Tuesday.\n"
                + "The Foreign Minister, Chidi Okafor, and the Finance Minister, Ngozi Eze, are part of "
                + "the presidential delegation."))
                .contains("VISIT UNDERWAY Chidi Okafor KE 2030-03-05", "VISIT UNDERWAY Ngozi Eze KE 2030-03-05");
    }

    @Test
    @DisplayName("A headline's bare present reports what happened; 'to' before the verb still plans it")
    void headlineTense() {
        assertThat(brief("2030-03-06", "Yusuf Demir, Amina Bello sign defence pact in Abuja\n"
                + "The agreement covers training and joint patrols."))
                .contains("AGREEMENT COMPLETED Yusuf Demir NG null / [Amina Bello, Yusuf Demir]");
        assertThat(brief("2030-03-06", "Yusuf Demir to sign defence pact with Amina Bello in Abuja\n"
                + "The agreement covers training and joint patrols."))
                .contains("AGREEMENT PLANNED Yusuf Demir NG null / [Amina Bello, Yusuf Demir]");
    }

    @Test
    @DisplayName("'The two presidents' in a later sentence is the pair the article is about, not two countries")
    void theTwoLeaders() {
        assertThat(brief("2030-03-06", "Amina Bello will meet Peter Kamau in Nairobi on Friday.\n"
                + "The meeting was arranged when the two presidents spoke by phone last week."))
                .contains("CALL COMPLETED Amina Bello null 2030-02-25 / [Amina Bello, Peter Kamau]");
        assertThat(brief("2030-03-06", "Amina Bello will meet Peter Kamau in Nairobi on Friday.\n"
                + "The two countries signed a trade accord in 2019."))
                .noneMatch(e -> e.startsWith("AGREEMENT"));
    }

    @Test
    @DisplayName("Mentions of one event in an article merge, keeping the later stage and the most precise date")
    void merge() {
        assertThat(brief("2030-03-06", "Amina Bello may visit Kenya this month.\n"
                + "Amina Bello will travel to Nairobi on March 12, her office said."))
                .containsExactly("VISIT PLANNED Amina Bello KE 2030-03-12");
    }

    @Test
    @DisplayName("One meeting reported with dates a day apart stays one meeting; a week apart it is two")
    void meetingDatesADayApart() {
        assertThat(brief("2030-03-08", "Amina Bello met Peter Kamau at State House in Nairobi on Thursday.\n"
                + "Amina Bello held talks with Peter Kamau on Wednesday evening after landing."))
                .filteredOn(e -> e.startsWith("MEETING")).hasSize(1);
        assertThat(brief("2030-03-08", "Amina Bello met Peter Kamau at State House in Nairobi on Thursday.\n"
                + "Amina Bello held talks with Peter Kamau in Nairobi on February 27."))
                .filteredOn(e -> e.startsWith("MEETING")).hasSize(2);
    }

    @Test
    @DisplayName("Output carries evidence offsets, CAMEO and PLOVER codes and serialises in snake_case")
    void output() {
        String text = "Loading\nAmina Bello arrived in Nairobi on Monday.";
        EventMention e = run("2030-03-06", text).get(0);
        assertThat(text.substring(e.evidence().start(), e.evidence().end())).isEqualTo(e.evidence().sentence());
        assertThat(e.cameo()).isEqualTo("042");
        assertThat(e.plover()).isEqualTo(new Plover("CONSULT", "visit"));
        assertThat(e.confidence()).isBetween(0.0, 1.0);
        assertThat(Json.write(e)).contains("\"article_id\":\"t-1\"", "\"host_country\":\"KE\"", "\"in_kb\":true",
                "\"date_end\":null");
    }

    @Test
    @DisplayName("Applying an edited person changes extraction without a restart")
    void swapKnowledgeBase() {
        String text = "Amani Otieno will travel to Oslo next week.";
        assertThat(run("2030-03-06", text)).isEmpty();
        extractor.apply(new Person("amani-otieno", "Amani Otieno", List.of(), List.of("Otieno"), "KE",
                extractor.knowledgeBase().person("peter-kamau").roles()));
        assertThat(brief("2030-03-06", text)).containsExactly("VISIT PLANNED Amani Otieno NO 2030-03");
    }
}
