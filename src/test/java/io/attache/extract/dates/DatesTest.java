package io.attache.extract.dates;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.text.TextSplitter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    /** Resolves the first date expression of {@code sentence}; tense F future, P past, N unknown. */
    private static String resolve(String sentence, String published, String tense) {
        List<DateExpr> found = new DateFinder().find(TextSplitter.tokenize(sentence, 0));
        assertThat(found).as("a date in: " + sentence).isNotEmpty();
        Boolean future = switch (tense) {
            case "F" -> Boolean.TRUE;
            case "P" -> Boolean.FALSE;
            default -> null;
        };
        DateResolver.Resolved r = DateResolver.resolve(found.get(0), LocalDate.parse(published), future);
        return r.end() == null ? r.date() : r.date() + "/" + r.end();
    }

    @ParameterizedTest(name = "{0} [{1}, {2}] -> {3}")
    @DisplayName("Date expressions resolve against the publication day at the precision the text supports")
    @CsvSource(delimiter = '|', value = {
        // weekdays: forward for future events, back for past ones
        "The minister arrives on Thursday.|2030-03-05|F|2030-03-07",
        "The two leaders met Monday.|2030-03-07|P|2030-03-04",
        "The envoy spoke on Friday.|2030-03-08|P|2030-03-08",
        // relative weeks, months, years
        "He will travel abroad next week.|2030-03-05|F|2030-03",
        "The visit took place last month.|2030-03-05|P|2030-02",
        "A trip is planned for later this year.|2030-03-05|F|2030",
        "The pact was agreed last year.|2030-03-05|P|2029",
        "The delegation left yesterday.|2030-03-05|P|2030-03-04",
        // day and month without a year: the tense picks the year
        "The summit opens on Sept. 3 in the capital.|2030-08-20|F|2030-09-03",
        "They signed it on June 19 in the capital.|2030-04-01|P|2029-06-19",
        "They will sign it on June 19.|2030-04-01|F|2030-06-19",
        "Guests came on 4 March for the ceremony.|2030-05-10|P|2030-03-04",
        // explicit dates, months with and without a year, years
        "The talks were held on March 3, 2028.|2030-05-10|P|2028-03-03",
        "The accord dated 2027-11-05 was published.|2030-05-10|N|2027-11-05",
        "He visited in September 2027.|2030-05-10|P|2027-09",
        "He visited in September.|2030-08-10|P|2029-09",
        "He will visit in September.|2030-08-10|F|2030-09",
        "The father travelled there in 2001.|2030-05-10|P|2001",
        "They spoke in March this year.|2030-10-06|N|2030-03",
        // ranges
        "A three-day visit from Thursday was announced.|2030-03-05|F|2030-03-07/2030-03-09",
        "The forum runs from May 4-6 in the capital.|2030-04-01|F|2030-05-04/2030-05-06",
        "The fair is held 12-14 June near the coast.|2030-04-01|F|2030-06-12/2030-06-14",
        "She landed on Saturday for a five-day visit.|2030-03-05|P|2030-03-02/2030-03-06",
        "She left on Saturday after a two-day visit.|2030-03-05|P|2030-03-02",
        // a month tied to a year relative to publication, whatever the tense
        "She toured the region in May last year.|2030-04-02|F|2029-05",
        "The treaty was signed in October of last year.|2030-04-02|N|2029-10",
        "A return trip is pencilled in for February next year.|2030-11-20|N|2031-02",
        "They met on 9 July last year.|2030-04-02|N|2029-07-09",
        "He was last in the capital last May.|2030-04-02|F|2029-05",
        "Talks resume next May.|2030-06-02|P|2031-05",
        "The king toured the region in late October and early November 2027.|2030-05-10|N|2027-10",
        "Talks ran through December and January 2028.|2030-05-10|N|2027-12",
        // days of the month without a month
        "The delegation landed on the 23rd.|2030-08-25|P|2030-08-23",
        "The vote comes on the 3rd and the talks after it.|2030-08-28|F|2030-09-03",
        "The leaders meet again on the 14th of May.|2030-04-20|F|2030-05-14",
        "He arrived on Friday (10) for talks.|2030-05-14|N|2030-05-10",
        "Officials will travel in the coming days.|2030-02-26|F|2030-03",
        "Envoys will meet in the next few weeks.|2030-02-10|F|2030-02"})
    void resolves(String sentence, String published, String tense, String expected) {
        assertThat(resolve(sentence, published, tense)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @DisplayName("A vague date is sharpened by a day inside it nearby, not by a reporting date or one outside it")
    @CsvSource(delimiter = '|', value = {
        "She flies out next week for the forum's closing session on April 17.|2030-04-10|2030-04-17",
        "She flies out next week, her office said on Friday.|2030-04-10|2030-04",
        "She flies out next month for the forum on April 17.|2030-04-10|2030-05"})
    void sharpens(String sentence, String published, String expected) {
        List<DateExpr> found = new DateFinder().find(TextSplitter.tokenize(sentence, 0));
        LocalDate pub = LocalDate.parse(published);
        DateExpr chosen = DateResolver.sharpen(found.get(0), found, pub, null);
        assertThat(DateResolver.resolve(chosen, pub, null).date()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("A date that bounds a tenure or a span is an anchor, not the date of an event")
    @CsvSource(delimiter = '|', value = {
        "It is her first trip abroad since taking office in October 2029.",
        "He has not left the country since he came to power in 2028.",
        "The general took office in March."})
    void anchors(String sentence) {
        List<DateExpr> found = new DateFinder().find(TextSplitter.tokenize(sentence, 0));
        assertThat(found).isNotEmpty().allMatch(DateExpr::anchorOnly);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("A ranked event is not a day of the month")
    @CsvSource(delimiter = '|', value = {"Leaders gather for the 16th summit of the bloc.",
        "The country marks the 80th anniversary on the 2nd."})
    void ranks(String sentence) {
        List<DateExpr> found = new DateFinder().find(TextSplitter.tokenize(sentence, 0));
        assertThat(found).allMatch(d -> d.day() != 16 && d.day() != 80);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Words that only look like dates are not dates")
    @CsvSource(delimiter = '|', value = {"The minister may visit soon.", "The 1950-53 war ended in a truce."
})
    void notDates(String sentence) {
        List<DateExpr> found = new DateFinder().find(TextSplitter.tokenize(sentence, 0));
        assertThat(found).allMatch(d -> d.kind() != DateExpr.Kind.MONTH && !(d.kind() == DateExpr.Kind.YEAR && d.year() < 1960));
    }

    @Test
    @DisplayName("Days parse as LocalDate.parse parses them, and bad ones fail as it fails")
    void parseDay() {
        for (java.time.LocalDate d = java.time.LocalDate.of(2023, 12, 1); d.getYear() < 2026; d = d.plusDays(1)) {
            assertThat(DateResolver.parseDay(d.toString())).isEqualTo(d);
        }
        assertThat(DateResolver.parseDay("0007-01-05")).isEqualTo(java.time.LocalDate.parse("0007-01-05"));
        for (String bad : List.of("2026-02-30", "2026-13-01", "2026-00-10", "2026-1-05", "2026/01/05", "２０２６-01-05",
                "2026-01-5x", "+2026-01-05")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DateResolver.parseDay(bad)).as(bad)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }
}
