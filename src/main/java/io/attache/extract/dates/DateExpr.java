package io.attache.extract.dates;

/**
 * A date expression found in a sentence, before it is resolved against the publication date: tokens
 * [{@code start}, {@code end}) of the sentence. Unused fields are 0. {@code offset} counts units for the
 * relative kinds (-1 last, 0 this, +1 next); {@code spanDays} is a stated duration or range length.
 * {@code year} is -1 for a year relative to publication ("May last year"), {@code offset} then giving the years;
 * a MONTH with year 0 and offset -1/+1 is "last May"/"next May". A DAY with month 0 is "the 14th" (month from
 * context); a WEEKDAY with a day is "Friday (9)". REL_SPAN is "the coming days": {@code offset} days from now. {@code anchorOnly} marks dates that bound rather than place an event ("since April", "until May").
 */
public record DateExpr(Kind kind, int start, int end, int year, int month, int day, int weekday, int offset,
        int spanDays, boolean anchorOnly, boolean reported) {

    /** The shape of the expression. */
    public enum Kind { DAY, MONTH, YEAR, WEEKDAY, REL_DAY, REL_WEEK, REL_MONTH, REL_YEAR, REL_SPAN }
}
