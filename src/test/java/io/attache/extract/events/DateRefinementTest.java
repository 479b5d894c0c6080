package io.attache.extract.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Days given to undated drafts from the other drafts of the same article. */
class DateRefinementTest {

    private static final Principal BELLO = new Principal("amina-bello", "Amina Bello", "NG", "President", true);
    private static final Principal KAMAU = new Principal("peter-kamau", "Peter Kamau", "KE", "President", true);

    private static Draft draft(EventType type, Principal actor, List<Principal> participants, String date) {
        return new Draft(type, EventStatus.COMPLETED, actor, participants, "KE", "Nairobi", null, date, null, null,
                0.9, false);
    }

    @Test
    @DisplayName("An undated signing takes the day of the leaders' talks when their visit drafts disagree on the day")
    void signingTakesTalksDay() {
        List<Draft> drafts = List.of(
                draft(EventType.VISIT, BELLO, List.of(BELLO), "2030-04-10"),
                draft(EventType.VISIT, BELLO, List.of(BELLO), "2030-04-09"),
                draft(EventType.MEETING, BELLO, List.of(BELLO, KAMAU), "2030-04-10"),
                draft(EventType.AGREEMENT, BELLO, List.of(BELLO, KAMAU), null));
        assertThat(DateRefinement.refine(drafts, Map.of()).get(3).date()).isEqualTo("2030-04-10");
    }

    @Test
    @DisplayName("Talks on two different days leave an undated signing undated")
    void twoTalkDaysStayUndated() {
        List<Draft> drafts = List.of(
                draft(EventType.VISIT, BELLO, List.of(BELLO), "2030-04-10"),
                draft(EventType.VISIT, BELLO, List.of(BELLO), "2030-04-09"),
                draft(EventType.MEETING, BELLO, List.of(BELLO, KAMAU), "2030-04-09"),
                draft(EventType.MEETING, BELLO, List.of(BELLO, KAMAU), "2030-04-10"),
                draft(EventType.AGREEMENT, BELLO, List.of(BELLO, KAMAU), null));
        assertThat(DateRefinement.refine(drafts, Map.of()).get(4).date()).isNull();
    }

    private static Draft leg(EventStatus status, String host, String date) {
        return new Draft(EventType.VISIT, status, BELLO, List.of(BELLO), host, null, null, date, null, null, 0.9, false);
    }

    @Test
    @DisplayName("An undated planned leg of a tour takes the month of the actor's other pending legs")
    void undatedLegTakesTourMonth() {
        List<Draft> drafts = List.of(leg(EventStatus.PLANNED, "KE", "2030-04-21"), leg(EventStatus.PLANNED, "GH", null),
                leg(EventStatus.COMPLETED, "GH", "2029-11"));
        assertThat(DateRefinement.refine(drafts, Map.of()).get(1).date()).isEqualTo("2030-04");
    }

    @Test
    @DisplayName("Pending legs in two different months leave an undated leg undated")
    void legsInTwoMonthsStayUndated() {
        List<Draft> drafts = List.of(leg(EventStatus.PLANNED, "KE", "2030-04-29"), leg(EventStatus.PLANNED, "NO", "2030-05-02"),
                leg(EventStatus.PLANNED, "GH", null));
        assertThat(DateRefinement.refine(drafts, Map.of()).get(2).date()).isNull();
    }
}
