package io.attache.extract.dates;

import io.attache.extract.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds date expressions in the tokens of one sentence. Thread-safe and allocation-light. */
public final class DateFinder {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    private static final Map<String, Integer> WEEKDAYS = Map.of("monday", 1, "tuesday", 2, "wednesday", 3,
            "thursday", 4, "friday", 5, "saturday", 6, "sunday", 7);
    private static final Map<String, Integer> NUMBERS = Map.of("one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9, "ten", 10);
    /** Words that make a bare "May" or "March" a month rather than a verb. */
    private static final Set<String> MONTH_LEAD = Set.of("in", "of", "early", "late", "mid", "since", "until",
            "by", "before", "after", "this", "next", "last", "on", "from", "through", "during", "end", "beginning");
    private static final Set<String> ANCHOR = Set.of("since", "until", "till", "before", "by");
    /** "took office in", "came to power in", "was elected in": dates of a tenure, not of a trip. */
    private static final Set<String> TENURE = Set.of("office", "power", "elected");
    private static final Set<String> SINCE_VERBS = Set.of("took", "came", "seized", "assumed", "became", "was",
            "won", "returned", "elected");
    private static final Set<String> DAY_LEAD = Set.of("on", "by", "from", "until", "till", "before", "after");
    private static final Set<String> AFTER_DAY = Set.of("of", "and", "when", "at", "in", "to", "with", "as", "for");
    private static final Set<String> REPORTING = Set.of("said", "says", "told", "announced", "reported",
            "confirmed", "stated", "added", "noted");

    /** Every word that can start a date expression; other words start one only if they are numbers. */
    private static final Set<String> DATE_WORDS;

    static {
        Set<String> words = new java.util.HashSet<>(MONTHS.keySet());
        words.addAll(WEEKDAYS.keySet());
        words.addAll(List.of("today", "tonight", "yesterday", "tomorrow", "week", "weekend", "month", "year", "days",
                "weeks"));
        DATE_WORDS = Set.copyOf(words);
    }

    public List<DateExpr> find(List<Token> t) {
        List<DateExpr> out = new ArrayList<>(2);
        int n = t.size();
        int i = 0;
        while (i < n) {
            Token tok = t.get(i);
            if (!tok.word()) {
                i++;
                continue;
            }
            String w = tok.norm();
            if (!DATE_WORDS.contains(w) && !Character.isDigit(tok.text().charAt(0))) {
                i++; // the common case, decided by one look-up instead of the tests below
                continue;
            }
            DateExpr e = null;
            Integer month = MONTHS.get(w);
            if (month != null && tok.capitalized() && monthHere(t, i, w)) {
                e = monthExpr(t, i, month);
            } else if (WEEKDAYS.containsKey(w) && tok.capitalized()) {
                int rel = 0;
                int s = i;
                String p = prevWord(t, i);
                if ("next".equals(p) || "coming".equals(p)) {
                    rel = 1;
                    s = i - 1;
                } else if ("last".equals(p) || "past".equals(p)) {
                    rel = -1;
                    s = "past".equals(p) && "this".equals(prevWord(t, i - 1)) ? i - 2 : i - 1;
                }
                int end = i + 1;
                int day = 0;
                if (end + 2 < n && t.get(end).text().equals("(") && isNum(t.get(end + 1), 1, 31)
                        && t.get(end + 2).text().equals(")")) {
                    day = Integer.parseInt(t.get(end + 1).text()); // "on Friday (9)": the day of the month in brackets
                    end += 3;
                }
                e = make(t, DateExpr.Kind.WEEKDAY, s, end, 0, 0, day, WEEKDAYS.get(w), rel, 0);
            } else if (w.equals("today") || w.equals("tonight")) {
                e = make(t, DateExpr.Kind.REL_DAY, i, i + 1, 0, 0, 0, 0, 0, 0);
            } else if (w.equals("yesterday")) {
                e = make(t, DateExpr.Kind.REL_DAY, i, i + 1, 0, 0, 0, 0, -1, 0);
            } else if (w.equals("tomorrow")) {
                e = make(t, DateExpr.Kind.REL_DAY, i, i + 1, 0, 0, 0, 0, 1, 0);
            } else if ((w.equals("week") || w.equals("weekend") || w.equals("month") || w.equals("year")) && i > 0) {
                e = relative(t, i, w);
            } else if ((w.equals("days") || w.equals("weeks")) && i > 0) {
                e = comingSpan(t, i, w);
            } else if (isNum(tok, 1, 31) && ordinalDay(t, i)) {
                e = ordinalDayExpr(t, i);
            } else if (isYear(t, i)) {
                e = make(t, DateExpr.Kind.YEAR, i, i + 1, Integer.parseInt(w), 0, 0, 0, 0, 0);
                if (i + 4 < n && t.get(i + 1).text().equals("-") && isNum(t.get(i + 2), 1, 12)
                        && t.get(i + 3).text().equals("-") && isNum(t.get(i + 4), 1, 31)) {
                    e = make(t, DateExpr.Kind.DAY, i, i + 5, Integer.parseInt(w), Integer.parseInt(t.get(i + 2).text()),
                            Integer.parseInt(t.get(i + 4).text()), 0, 0, 0);
                }
            } else if (isNum(tok, 1, 31) && i + 1 < n && MONTHS.containsKey(t.get(i + 1).norm())
                    && t.get(i + 1).capitalized()) {
                e = dayMonth(t, i, i + 1, 0);
            } else if (isNum(tok, 1, 30) && i + 3 < n && (t.get(i + 1).text().equals("-") || t.get(i + 1).is("to"))
                    && isNum(t.get(i + 2), Integer.parseInt(tok.text()) + 1, 31)
                    && MONTHS.containsKey(t.get(i + 3).norm()) && t.get(i + 3).capitalized()) {
                // "15-17 April", "15 to 17 April": a range written day first
                e = dayMonth(t, i, i + 3, Integer.parseInt(t.get(i + 2).text()) - Integer.parseInt(tok.text()) + 1);
            }
            if (e != null) {
                out.add(withDuration(t, e));
                i = Math.max(e.end(), i + 1);
            } else {
                i++;
            }
        }
        return out;
    }

    /** "4 March", "4 March 2029", "4 March last year"; the month token is at {@code m}. */
    private DateExpr dayMonth(List<Token> t, int i, int m, int range) {
        int end = skipDot(t, m + 1);
        int year = 0;
        int offset = 0;
        int[] rel = yearSuffix(t, end);
        if (end < t.size() && isYear(t, end)) {
            year = Integer.parseInt(t.get(end).text());
            end++;
        } else if (rel != null) {
            year = -1;
            offset = rel[1];
            end = rel[0];
        }
        return make(t, DateExpr.Kind.DAY, i, end, year, MONTHS.get(t.get(m).norm()), Integer.parseInt(t.get(i).text()), 0,
                offset, range);
    }

    /** "the 14th", "on the 23rd": a day of a month the reader knows from the publication date. */
    private static boolean ordinalDay(List<Token> t, int i) {
        if (i + 1 >= t.size() || i == 0 || !t.get(i - 1).is("the")) {
            return false;
        }
        String suffix = t.get(i + 1).norm();
        if (!suffix.equals("st") && !suffix.equals("nd") && !suffix.equals("rd") && !suffix.equals("th")) {
            return false;
        }
        // "the 16th summit", "the 80th anniversary" are ranks; a day stands alone or before "of <Month>".
        Token next = i + 2 < t.size() ? t.get(i + 2) : null;
        boolean alone = next == null || !next.word() || AFTER_DAY.contains(next.norm());
        return alone && DAY_LEAD.contains(prevWord(t, i - 1));
    }

    private DateExpr ordinalDayExpr(List<Token> t, int i) {
        int day = Integer.parseInt(t.get(i).text());
        int end = i + 2;
        if (end + 1 < t.size() && t.get(end).is("of") && MONTHS.containsKey(t.get(end + 1).norm())
                && t.get(end + 1).capitalized()) {
            return make(t, DateExpr.Kind.DAY, i - 1, end + 2, 0, MONTHS.get(t.get(end + 1).norm()), day, 0, 0, 0);
        }
        return make(t, DateExpr.Kind.DAY, i - 1, end, 0, 0, day, 0, 0, 0);
    }

    /** "in the coming days", "in the next few weeks", "within days": a span starting now, given as a day count. */
    private DateExpr comingSpan(List<Token> t, int i, String unit) {
        String p = prevWord(t, i);
        int start = i - 1;
        if ("few".equals(p)) {
            p = prevWord(t, i - 1);
            start = i - 2;
        }
        if (!"coming".equals(p) && !"next".equals(p)) {
            return null;
        }
        return make(t, DateExpr.Kind.REL_SPAN, start, i + 1, 0, 0, 0, 0, unit.equals("days") ? 3 : 14, 0);
    }

    /** The year a following "and|to|or [early|mid|late] <Month> <yyyy>" gives a bare month, or 0. */
    private static int sharedYear(List<Token> t, int j, int month) {
        if (j >= t.size() || !(t.get(j).is("and") || t.get(j).is("to") || t.get(j).is("or") || t.get(j).text().equals("-"))) {
            return 0;
        }
        int k = j + 1;
        if (k < t.size() && (t.get(k).is("early") || t.get(k).is("mid") || t.get(k).is("late"))) {
            k++;
        }
        Integer next = k < t.size() && t.get(k).capitalized() ? MONTHS.get(t.get(k).norm()) : null;
        int y = next == null ? -1 : skipDot(t, k + 1);
        if (next == null || y >= t.size() || !isYear(t, y)) {
            return 0;
        }
        int year = Integer.parseInt(t.get(y).text());
        return month <= next ? year : year - 1; // "December and January 2024" spans the turn of the year
    }

    /** "last year", "of next year", "this year" after a month: {end, year offset}, or null. */
    private static int[] yearSuffix(List<Token> t, int j) {
        int k = j < t.size() && t.get(j).is("of") ? j + 1 : j;
        if (k + 1 >= t.size() || !t.get(k + 1).is("year")) {
            return null;
        }
        return switch (t.get(k).norm()) {
            case "last", "previous" -> new int[] {k + 2, -1};
            case "next" -> new int[] {k + 2, 1};
            case "this" -> new int[] {k + 2, 0};
            default -> null;
        };
    }

    private static boolean monthHere(List<Token> t, int i, String w) {
        if (!w.equals("may") && !w.equals("march")) {
            return w.length() > 3 || i + 1 < t.size() && (t.get(i + 1).text().equals(".") || isNum(t.get(i + 1), 1, 31));
        }
        return (i + 1 < t.size() && (isNum(t.get(i + 1), 1, 31) || isYear(t, i + 1)))
                || MONTH_LEAD.contains(prevWord(t, i));
    }

    private DateExpr monthExpr(List<Token> t, int i, int month) {
        int n = t.size();
        int j = skipDot(t, i + 1);
        if (j < n && isNum(t.get(j), 1, 31)) {
            int day = Integer.parseInt(t.get(j).text());
            int end = j + 1;
            int range = 0;
            if (end + 1 < n && (t.get(end).text().equals("-") || t.get(end).is("to")) && isNum(t.get(end + 1), day + 1, 31)) {
                range = Integer.parseInt(t.get(end + 1).text()) - day + 1;
                end += 2;
            }
            int year = 0;
            int offset = 0;
            int k = end < n && t.get(end).text().equals(",") ? end + 1 : end;
            int[] rel = yearSuffix(t, end);
            if (k < n && isYear(t, k)) {
                year = Integer.parseInt(t.get(k).text());
                end = k + 1;
            } else if (rel != null) {
                year = -1;
                offset = rel[1];
                end = rel[0];
            }
            return make(t, DateExpr.Kind.DAY, i, end, year, month, day, 0, offset, range);
        }
        if (j < n && isYear(t, j)) {
            return make(t, DateExpr.Kind.MONTH, i, j + 1, Integer.parseInt(t.get(j).text()), month, 0, 0, 0, 0);
        }
        int[] rel = yearSuffix(t, j);
        if (rel != null) {
            return make(t, DateExpr.Kind.MONTH, i, rel[0], -1, month, 0, 0, rel[1], 0); // "in May last year"
        }
        if (j + 1 < n && t.get(j).text().equals(",") && isYear(t, j + 1)) {
            return make(t, DateExpr.Kind.MONTH, i, j + 2, Integer.parseInt(t.get(j + 1).text()), month, 0, 0, 0, 0);
        }
        int shared = sharedYear(t, j, month);
        if (shared > 0) {
            return make(t, DateExpr.Kind.MONTH, i, j, shared, month, 0, 0, 0, 0); // "late October and early November 2023"
        }
        String p = prevWord(t, i);
        if (("last".equals(p) || "next".equals(p)) && i > 0 && t.get(i - 1).word()) {
            // "last May" is the latest May before publication, "next May" the first one after it.
            return make(t, DateExpr.Kind.MONTH, i - 1, j, 0, month, 0, 0, "last".equals(p) ? -1 : 1, 0);
        }
        return make(t, DateExpr.Kind.MONTH, i, j, 0, month, 0, 0, 0, 0);
    }

    private DateExpr relative(List<Token> t, int i, String unit) {
        String p = prevWord(t, i);
        int off;
        int start = i - 1;
        if ("next".equals(p) || "coming".equals(p)) {
            off = 1;
        } else if ("last".equals(p) || "past".equals(p) || "previous".equals(p)) {
            off = -1;
        } else if ("this".equals(p)) {
            off = 0;
            String pp = prevWord(t, i - 1);
            if ("later".equals(pp) || "earlier".equals(pp)) {
                start = i - 2;
            }
        } else {
            return null;
        }
        DateExpr.Kind kind = switch (unit) {
            case "week", "weekend" -> DateExpr.Kind.REL_WEEK;
            case "month" -> DateExpr.Kind.REL_MONTH;
            default -> DateExpr.Kind.REL_YEAR;
        };
        return make(t, kind, start, i + 1, 0, 0, 0, unit.equals("weekend") ? 6 : 0, off, 0);
    }

    /** "a three-day visit from Thursday": a duration near the date sets the range. */
    private DateExpr withDuration(List<Token> t, DateExpr e) {
        if (e.spanDays() > 0 || e.kind() != DateExpr.Kind.DAY && e.kind() != DateExpr.Kind.WEEKDAY) {
            return e;
        }
        // Before the date ("a three-day visit from Thursday") or just after it ("on Saturday for a five-day visit").
        for (int k = Math.max(0, e.start() - 12); k + 2 < t.size() && k < e.end() + 6; k++) {
            if (k >= e.start() && k < e.end() || k >= e.end() && !purposeOnly(t, e.end(), k)) {
                continue;
            }
            if (t.get(k + 1).text().equals("-") && (t.get(k + 2).is("day") || t.get(k + 2).is("days"))) {
                Integer d = NUMBERS.get(t.get(k).norm());
                if (d == null && isNum(t.get(k), 1, 30)) {
                    d = Integer.parseInt(t.get(k).text());
                }
                if (d != null) {
                    return new DateExpr(e.kind(), e.start(), e.end(), e.year(), e.month(), e.day(), e.weekday(),
                            e.offset(), d, e.anchorOnly(), e.reported());
                }
            }
        }
        return e;
    }

    /** "on Saturday for a five-day visit": only "for" and a determiner stand between a date and its duration. */
    private static boolean purposeOnly(List<Token> t, int from, int to) {
        if (from >= to || !t.get(from).is("for")) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            String w = t.get(k).norm();
            if (!w.equals("a") && !w.equals("an") && !w.equals("his") && !w.equals("her") && !w.equals("their")
                    && !w.equals("the")) {
                return false;
            }
        }
        return true;
    }

    private static DateExpr make(List<Token> t, DateExpr.Kind kind, int start, int end, int year, int month, int day,
            int weekday, int offset, int span) {
        String p = prevWord(t, start);
        if ("on".equals(p) || "in".equals(p) || "of".equals(p)) {
            p = prevWord(t, start - 1);
        }
        boolean anchor = ANCHOR.contains(prevWord(t, start)) || "since".equals(p) || TENURE.contains(p)
                || sinceClause(t, start);
        boolean reported = REPORTING.contains(prevWord(t, start)) || "on".equals(prevWord(t, start))
                && REPORTING.contains(prevWord(t, start - 1));
        return new DateExpr(kind, start, end, year, month, day, weekday, offset, span, anchor, reported);
    }

    /** "since taking office in 2022", "since he came to power in May": the date bounds, it is not the event's. */
    private static boolean sinceClause(List<Token> t, int start) {
        boolean verb = false;
        for (int k = start - 1; k >= 0 && k >= start - 7; k--) {
            Token x = t.get(k);
            if (!x.word()) {
                return false;
            }
            String w = x.norm();
            if (w.equals("since")) {
                return verb;
            }
            if (w.endsWith("ing") && w.length() > 4 || SINCE_VERBS.contains(w)) {
                verb = true;
            }
            if (isNum(x, 1, 31) || w.length() == 4 && Character.isDigit(w.charAt(0))) {
                return false;
            }
        }
        return false;
    }

    private static int skipDot(List<Token> t, int j) {
        return j < t.size() && t.get(j).text().equals(".") ? j + 1 : j;
    }

    private static String prevWord(List<Token> t, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 2; k--) {
            if (t.get(k).word()) {
                return t.get(k).norm();
            }
            if (!t.get(k).text().equals(".")) {
                return "";
            }
        }
        return "";
    }

    private static boolean isNum(Token t, int lo, int hi) {
        String s = t.text();
        if (s.isEmpty() || s.length() > 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        int v = Integer.parseInt(s);
        return v >= lo && v <= hi;
    }

    private static boolean isYear(List<Token> t, int i) {
        String s = t.get(i).text();
        if (s.length() != 4 || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(3))) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        int y = Integer.parseInt(s);
        if (y < 1940 || y > 2100) {
            return false;
        }
        // "1950-53" and "1950-1953" name a span of history, not an event date.
        boolean dashAfter = i + 2 < t.size() && t.get(i + 1).text().equals("-")
                && Character.isDigit(t.get(i + 2).text().charAt(0))
                && !(i + 3 < t.size() && t.get(i + 3).text().equals("-"));
        boolean dashBefore = i >= 2 && t.get(i - 1).text().equals("-") && Character.isDigit(t.get(i - 2).text().charAt(0));
        boolean unit = i + 1 < t.size() && (t.get(i + 1).text().equals("%") || t.get(i + 1).is("km"));
        return !dashAfter && !dashBefore && !unit;
    }
}
