package io.attache.pipeline.lifecycle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A partial ISO date (2025, 2025-05, 2025-05-09) as the span of days it may denote, optionally
 * stretched to an end date. Two reports of one event must have consistent spans to merge.
 */
public record PartialDate(Precision precision, LocalDate start, LocalDate end) {

    /** How much of a date the text gave; coarser dates are fitted to finer ones when clustering. */
    public enum Precision {
        DAY, MONTH, YEAR
    }

    /**
     * Day-precise reports of one trip often name different days of it (arrival, the day of talks):
     * their spans may be this many days apart and still be one event.
     */
    public static final int DAY_TOLERANCE = 2;

    /** @return empty for null, blank or malformed dates (an extractor's bad date reads as undated) */
    public static Optional<PartialDate> parse(String date, String dateEnd) {
        Optional<PartialDate> d = parse(date);
        Optional<PartialDate> e = parse(dateEnd);
        if (d.isPresent() && e.isPresent() && e.get().end.isAfter(d.get().end)) {
            return Optional.of(new PartialDate(d.get().precision, d.get().start, e.get().end));
        }
        return d;
    }

    public static Optional<PartialDate> parse(String date) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (date.length()) {
                case 4 -> {
                    int y = IsoDates.number(date, 0, 4);
                    if (y < 0) {
                        throw new DateTimeParseException("not a year", date, 0);
                    }
                    yield new PartialDate(Precision.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
                }
                case 7 -> {
                    int y = IsoDates.number(date, 0, 4);
                    int m = date.charAt(4) == '-' ? IsoDates.number(date, 5, 2) : -1;
                    YearMonth ym = y >= 0 && m >= 1 && m <= 12 ? YearMonth.of(y, m) : YearMonth.parse(date);
                    yield new PartialDate(Precision.MONTH, ym.atDay(1), ym.atEndOfMonth());
                }
                case 10 -> {
                    LocalDate fast = IsoDates.day(date, 0);
                    LocalDate d = fast != null ? fast : LocalDate.parse(date);
                    yield new PartialDate(Precision.DAY, d, d);
                }
                default -> throw new DateTimeParseException("not a partial ISO date", date, 0);
            });
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether two reports can describe the same event: one span contains the other (2025 and
     * 2025-05-09), or both are day-precise and at most {@link #DAY_TOLERANCE} days apart.
     */
    public boolean consistentWith(PartialDate other) {
        if (precision == Precision.DAY && other.precision == Precision.DAY) {
            return gapDays(other) <= DAY_TOLERANCE;
        }
        return contains(other) || other.contains(this);
    }

    private boolean contains(PartialDate other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    private long gapDays(PartialDate other) {
        if (other.start.isAfter(end)) {
            return ChronoUnit.DAYS.between(end, other.start);
        }
        if (start.isAfter(other.end)) {
            return ChronoUnit.DAYS.between(other.end, start);
        }
        return 0;
    }

    /** Days from {@code day} to this span, 0 inside it. */
    public long distanceTo(LocalDate day) {
        if (day.isBefore(start)) {
            return ChronoUnit.DAYS.between(day, start);
        }
        if (day.isAfter(end)) {
            return ChronoUnit.DAYS.between(end, day);
        }
        return 0;
    }

    /** {@code day} moved into this span. */
    public LocalDate clamp(LocalDate day) {
        return day.isBefore(start) ? start : day.isAfter(end) ? end : day;
    }
}
