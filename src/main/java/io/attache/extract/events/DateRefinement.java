package io.attache.extract.events;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gives a day to events the article dates only to a month ("later this month", "will be part of the
 * delegation") when the same article fixes the day of that trip or occasion elsewhere ("the summit on Oct. 27").
 * The actor's own dated trip to the host wins; otherwise one unambiguous day of an occasion or of another
 * pending event in the host that month. Past events keep their month: they are often background. An undated
 * meeting or signing takes the day of its participant's one dated visit to that country.
 */
final class DateRefinement {

    private DateRefinement() {
    }

    static List<Draft> refine(List<Draft> drafts, Map<String, ArticleState.Setting> occasions) {
        List<Draft> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            String day = d.date() == null ? visitDay(d, drafts) : d.date().length() != 7 || d.host() == null
                    || d.status() == EventStatus.COMPLETED ? null : dayFor(d, drafts, occasions);
            out.add(day == null ? d : new Draft(d.type(), d.status(), d.actor(), d.participants(), d.host(), d.location(),
                    d.occasion(), day, null, d.sentence(), d.confidence(), d.ended()));
        }
        return out;
    }

    /**
     * An undated meeting or signing in a country takes the day of its participant's one dated visit there; a
     * signing first takes the day of the one dated talks between the same people there ("after the talks, the
     * two signed"), since a visit's day may be its arrival rather than the day of the talks.
     */
    private static String visitDay(Draft d, List<Draft> drafts) {
        if (d.type() == EventType.VISIT && d.status() == EventStatus.PLANNED) {
            return legMonth(d, drafts);
        }
        if (d.type() == EventType.VISIT || d.type() == EventType.CALL || d.host() == null) {
            return null;
        }
        if (d.type() == EventType.AGREEMENT) {
            TreeSet<String> talks = new TreeSet<>();
            for (Draft o : drafts) {
                if (o.type() == EventType.MEETING && d.host().equals(o.host()) && o.date() != null
                        && o.date().length() == 10 && o.participants().containsAll(d.participants())) {
                    talks.add(o.date());
                }
            }
            if (talks.size() == 1) {
                return talks.first();
            }
        }
        TreeSet<String> days = new TreeSet<>();
        for (Draft o : drafts) {
            if (o.type() == EventType.VISIT && d.host().equals(o.host()) && d.participants().contains(o.actor())
                    && o.date() != null && o.date().length() == 10) {
                days.add(o.date());
            }
        }
        return days.size() == 1 ? days.first() : null;
    }

    /**
     * "After Japan, the President will proceed to Brazil": an undated leg of a tour takes the month of the
     * actor's other pending legs when they all fall in one month.
     */
    private static String legMonth(Draft d, List<Draft> drafts) {
        TreeSet<String> months = new TreeSet<>();
        for (Draft o : drafts) {
            if (o.type() == EventType.VISIT && o.actor().equals(d.actor()) && o.date() != null && o.date().length() >= 7
                    && o.host() != null && !o.host().equals(d.host())
                    && (o.status() == EventStatus.PLANNED || o.status() == EventStatus.UNDERWAY)) {
                months.add(o.date().substring(0, 7));
            }
        }
        return months.size() == 1 ? months.first() : null;
    }

    private static String dayFor(Draft d, List<Draft> drafts, Map<String, ArticleState.Setting> occasions) {
        TreeSet<String> own = new TreeSet<>();
        TreeSet<String> others = new TreeSet<>();
        for (Draft o : drafts) {
            if (o != d && d.host().equals(o.host()) && sameMonthDay(o.date(), d.date())
                    && o.status() != EventStatus.COMPLETED) {
                (o.actor().equals(d.actor()) ? own : others).add(o.date());
            }
        }
        if (!own.isEmpty()) {
            return own.first();
        }
        TreeSet<String> settings = new TreeSet<>();
        for (ArticleState.Setting s : occasions.values()) {
            if (d.host().equals(s.host()) && sameMonthDay(s.date(), d.date())) {
                settings.add(s.date());
            }
        }
        if (settings.size() == 1) {
            return settings.first();
        }
        return settings.isEmpty() && others.size() == 1 ? others.first() : null;
    }

    private static boolean sameMonthDay(String day, String month) {
        return day != null && day.length() == 10 && day.startsWith(month);
    }
}
