package io.attache.extract.dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Resolves a {@link DateExpr} against the publication day into partial ISO dates at the precision the text
 * supports. {@code future} is the tense of the event: TRUE picks the next matching day or month, FALSE the
 * last one, null the nearest.
 */
public final class DateResolver {

    /**
     * {@link LocalDate#parse} of an ISO day, with a fast path for the plain "yyyy-MM-dd" days that extraction
     * writes and then compares (drafts pairwise, against the publication day), where the general formatter was
     * a visible cost. Anything else, including days past the 28th, goes to {@code LocalDate.parse} as before.
     */
    public static LocalDate parseDay(String iso) {
        if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
            int y = digits(iso, 0, 4);
            int m = digits(iso, 5, 7);
            int d = digits(iso, 8, 10);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 28) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(iso);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v;
    }

    /** A resolved date and, for ranges, the last day. */
    public record Resolved(String date, String end) {
    }

    private DateResolver() {
    }

    public static Resolved resolve(DateExpr e, LocalDate pub, Boolean future) {
        return switch (e.kind()) {
            case YEAR -> new Resolved(String.valueOf(e.year()), null);
            case MONTH -> new Resolved(month(e, pub, future).toString(), null);
            case DAY -> days(day(e, pub, future), e.spanDays());
            case WEEKDAY -> days(weekday(e, pub, future), e.spanDays());
            case REL_DAY -> days(pub.plusDays(e.offset()), 0);
            case REL_WEEK -> week(pub, e.offset());
            case REL_MONTH -> new Resolved(YearMonth.from(pub).plusMonths(e.offset()).toString(), null);
            case REL_YEAR -> new Resolved(String.valueOf(pub.getYear() + e.offset()), null);
            case REL_SPAN -> new Resolved(YearMonth.from(pub.plusDays(e.offset())).toString(), null);
        };
    }

    /**
     * "next week for the meeting on Nov. 18": a day close after or before a vaguer chosen date, and inside it,
     * says when in that span the event is; otherwise the chosen expression stands.
     */
    public static DateExpr sharpen(DateExpr chosen, List<DateExpr> all, LocalDate pub, Boolean future) {
        if (chosen == null || chosen.kind() == DateExpr.Kind.DAY || chosen.kind() == DateExpr.Kind.WEEKDAY
                || chosen.kind() == DateExpr.Kind.REL_DAY) {
            return chosen;
        }
        String vague = resolve(chosen, pub, future).date();
        for (DateExpr d : all) {
            boolean near = d.start() >= chosen.end() ? d.start() - chosen.end() <= 14 : chosen.start() - d.end() <= 6;
            if (d != chosen && near && !d.anchorOnly() && !d.reported()
                    && (d.kind() == DateExpr.Kind.DAY || d.kind() == DateExpr.Kind.WEEKDAY)
                    && resolve(d, pub, future).date().startsWith(vague)) {
                return d;
            }
        }
        return chosen;
    }

    private static Resolved days(LocalDate d, int span) {
        return new Resolved(d.toString(), span > 1 ? d.plusDays(span - 1L).toString() : null);
    }

    private static YearMonth month(DateExpr e, LocalDate pub, Boolean future) {
        if (e.year() > 0) {
            return YearMonth.of(e.year(), e.month());
        }
        if (e.year() < 0) {
            return YearMonth.of(pub.getYear() + e.offset(), e.month()); // "March this year", "May last year"
        }
        future = direction(e, future);
        YearMonth here = YearMonth.from(pub);
        YearMonth same = YearMonth.of(pub.getYear(), e.month());
        if (Boolean.TRUE.equals(future)) {
            return same.isBefore(here) ? same.plusYears(1) : same;
        }
        if (Boolean.FALSE.equals(future)) {
            return same.isAfter(here) ? same.minusYears(1) : same;
        }
        int diff = e.month() - pub.getMonthValue();
        return diff > 6 ? same.minusYears(1) : diff < -6 ? same.plusYears(1) : same;
    }

    private static LocalDate day(DateExpr e, LocalDate pub, Boolean future) {
        if (e.year() > 0) {
            return safeDay(e.year(), e.month(), e.day());
        }
        if (e.year() < 0) {
            return safeDay(pub.getYear() + e.offset(), e.month(), e.day());
        }
        if (e.month() == 0) {
            LocalDate d = dayOfMonth(e.day(), null, pub, future);
            return d == null ? pub : d;
        }
        LocalDate same = safeDay(pub.getYear(), e.month(), e.day());
        if (Boolean.TRUE.equals(future)) {
            return same.isBefore(pub) ? safeDay(pub.getYear() + 1, e.month(), e.day()) : same;
        }
        if (Boolean.FALSE.equals(future)) {
            return same.isAfter(pub) ? safeDay(pub.getYear() - 1, e.month(), e.day()) : same;
        }
        long diff = same.toEpochDay() - pub.toEpochDay();
        return diff > 182 ? safeDay(pub.getYear() - 1, e.month(), e.day())
                : diff < -182 ? safeDay(pub.getYear() + 1, e.month(), e.day()) : same;
    }

    private static LocalDate safeDay(int y, int m, int d) {
        YearMonth ym = YearMonth.of(y, m);
        return ym.atDay(Math.min(d, ym.lengthOfMonth()));
    }

    /** "last May" looks back and "next May" forward whatever the tense says. */
    private static Boolean direction(DateExpr e, Boolean future) {
        return e.offset() < 0 ? Boolean.FALSE : e.offset() > 0 ? Boolean.TRUE : future;
    }

    /**
     * The day numbered {@code day} in the publication month or a month next to it, on weekday {@code dow} when
     * given: the first on or after publication for future events, the last on or before it for past ones, else
     * the nearest. Null when no such day is near.
     */
    private static LocalDate dayOfMonth(int day, DayOfWeek dow, LocalDate pub, Boolean future) {
        LocalDate best = null;
        for (int m = -1; m <= 1; m++) {
            YearMonth ym = YearMonth.from(pub).plusMonths(m);
            if (day > ym.lengthOfMonth()) {
                continue;
            }
            LocalDate c = ym.atDay(day);
            if (dow != null && c.getDayOfWeek() != dow
                    || Boolean.TRUE.equals(future) && c.isBefore(pub) || Boolean.FALSE.equals(future) && c.isAfter(pub)) {
                continue;
            }
            if (best == null || Math.abs(c.toEpochDay() - pub.toEpochDay()) < Math.abs(best.toEpochDay() - pub.toEpochDay())) {
                best = c;
            }
        }
        return best;
    }

    private static LocalDate weekday(DateExpr e, LocalDate pub, Boolean future) {
        DayOfWeek dow = DayOfWeek.of(e.weekday());
        if (e.day() > 0) {
            LocalDate d = dayOfMonth(e.day(), dow, pub, null);
            if (d != null) {
                return d; // "Friday (9)": the bracketed day fixes the week whatever the tense
            }
        }
        if (e.offset() > 0) {
            return pub.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(dow));
        }
        if (e.offset() < 0) {
            return pub.with(TemporalAdjusters.previous(dow));
        }
        if (Boolean.TRUE.equals(future)) {
            return pub.with(TemporalAdjusters.nextOrSame(dow));
        }
        if (Boolean.FALSE.equals(future)) {
            return pub.with(TemporalAdjusters.previousOrSame(dow));
        }
        LocalDate before = pub.with(TemporalAdjusters.previousOrSame(dow));
        LocalDate after = pub.with(TemporalAdjusters.nextOrSame(dow));
        return pub.toEpochDay() - before.toEpochDay() <= after.toEpochDay() - pub.toEpochDay() ? before : after;
    }

    /** A week is given as its month when the whole week lies in one month, else as its Monday. */
    private static Resolved week(LocalDate pub, int offset) {
        LocalDate monday = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(offset);
        LocalDate sunday = monday.plusDays(6);
        if (YearMonth.from(monday).equals(YearMonth.from(sunday))) {
            return new Resolved(YearMonth.from(monday).toString(), null);
        }
        return new Resolved(monday.toString(), null);
    }
}
