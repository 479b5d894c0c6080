package io.attache.extract.events;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.extract.dates.DateResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the drafts of one article that describe the same event: same type and principals (and host for a
 * visit), compatible dates, and statuses of the same phase; the merged event keeps the most advanced status
 * and the most precise date.
 */
public final class Merger {

    private Merger() {
    }

    public static List<Draft> merge(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Draft d : drafts) {
            int found = -1;
            for (int k = 0; k < out.size(); k++) {
                if (same(out.get(k), d)) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                out.add(d);
                counts.add(1);
            } else {
                out.set(found, combine(out.get(found), d, counts.get(found)));
                counts.set(found, counts.get(found) + 1);
            }
        }
        return out;
    }

    static boolean same(Draft a, Draft b) {
        if (a.type() != b.type() || !compatiblePhases(a.status(), b.status())) {
            return false;
        }
        if (!compatibleDates(a.date(), b.date()) && !(a.type() == EventType.VISIT ? sameTrip(a, b) : daysApart(a, b) <= 1)) {
            return false;
        }
        if (a.type() == EventType.VISIT) {
            return a.actor().id().equals(b.actor().id()) && a.host().equals(b.host());
        }
        return ids(a.participants()).equals(ids(b.participants()));
    }

    private static Set<String> ids(List<Principal> ps) {
        Set<String> s = new TreeSet<>();
        ps.forEach(p -> s.add(p.id()));
        return s;
    }

    /** Two days of one trip: within its stated range, or less than a week apart. */
    private static boolean sameTrip(Draft a, Draft b) {
        return daysApart(a, b) <= 6;
    }

    /**
     * Days between two full dates, else a large number. One meeting reported with dates a day apart (an evening
     * arrival, a dateline in another time zone) is one meeting.
     */
    private static long daysApart(Draft a, Draft b) {
        if (a.date() == null || b.date() == null || a.date().length() != 10 || b.date().length() != 10) {
            return Long.MAX_VALUE;
        }
        long da = DateResolver.parseDay(a.date()).toEpochDay();
        long db = DateResolver.parseDay(b.date()).toEpochDay();
        return Math.abs(da - db);
    }

    static boolean compatibleDates(String a, String b) {
        return a == null || b == null || a.startsWith(b) || b.startsWith(a);
    }

    private static boolean past(EventStatus s) {
        return s == EventStatus.COMPLETED;
    }

    private static boolean compatiblePhases(EventStatus a, EventStatus b) {
        return a == EventStatus.UNDERWAY || b == EventStatus.UNDERWAY || past(a) == past(b);
    }

    /**
     * Later stages outrank earlier ones, except that an arrival outranks a completed meeting of the same trip
     * (the trip goes on) unless the article reports the trip over; a refusal or cancellation outranks any plan.
     */
    static int rank(EventStatus s) {
        return switch (s) {
            case SPECULATED -> 1;
            case INVITED -> 2;
            case PLANNED -> 3;
            case COMPLETED -> 4;
            case UNDERWAY -> 5;
            case DECLINED -> 6;
            case CANCELLED -> 7;
        };
    }

    private static Draft combine(Draft a, Draft b, int count) {
        Draft lead = rank(b.status()) > rank(a.status()) ? b : a;
        Draft other = lead == a ? b : a;
        String date = precise(a.date(), b.date());
        if (a.type() == EventType.VISIT && a.date() != null && b.date() != null && a.date().length() == 10
                && b.date().length() == 10) {
            date = a.date().compareTo(b.date()) <= 0 ? a.date() : b.date(); // a trip is dated by its first day
        }
        String end = date == null ? null : date.equals(a.date()) && a.dateEnd() != null ? a.dateEnd()
                : date.equals(b.date()) ? b.dateEnd() : null;
        double conf = Math.min(0.99, Math.max(a.confidence(), b.confidence()) + 0.03 * count);
        boolean ended = a.ended() || b.ended();
        EventStatus status = ended && lead.status() == EventStatus.UNDERWAY ? EventStatus.COMPLETED : lead.status();
        return new Draft(lead.type(), status, lead.actor(), lead.participants(),
                lead.host() != null ? lead.host() : other.host(),
                lead.location() != null ? lead.location() : other.location(),
                lead.occasion() != null ? lead.occasion() : other.occasion(), date, end, lead.sentence(), conf, ended);
    }

    private static String precise(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.length() > a.length() ? b : a;
    }
}
