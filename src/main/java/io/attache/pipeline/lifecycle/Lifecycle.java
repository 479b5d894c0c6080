package io.attache.pipeline.lifecycle;

import io.attache.extract.EventStatus;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle rules of a canonical event (ANNOTATION.md section 5), all in this one file.
 *
 * <p>Stages run SPECULATED = INVITED &lt; PLANNED &lt; UNDERWAY &lt; COMPLETED. CANCELLED and DECLINED
 * are outcomes of an event that has not yet started. Reports are folded in publication order
 * (then article id), never in arrival order, so the result is the same whatever order the articles
 * come in:
 * <ol>
 *   <li>The first report sets the status.</li>
 *   <li>A stage report moves the event to that stage unless it is earlier than the current stage
 *       (a background "will visit" after "arrived" changes nothing). An equal stage takes the later
 *       report (INVITED after SPECULATED and the reverse).</li>
 *   <li>CANCELLED or DECLINED ends an event that has not started (status at most PLANNED). Once a trip
 *       is UNDERWAY or COMPLETED a later "cancelled" or "declined" changes nothing: what happened
 *       happened (a cut-short trip is still a trip).</li>
 *   <li>After CANCELLED or DECLINED, a later report of PLANNED, UNDERWAY or COMPLETED for the same
 *       event (same dates, see {@link EventClusters}) re-opens it: the trip was rescheduled within
 *       its dates or went ahead after all. Mere speculation (SPECULATED, INVITED) does not re-open a
 *       cancelled event. A trip rescheduled to other dates is a new event (dates differ).</li>
 * </ol>
 *
 * <p>Joining rule for imprecise reports (year-only or undated, see {@link EventClusters}): such a
 * report only joins an event that is still <em>open</em> for it, judged by the event's status as
 * of the report's publication ({@link #canJoin}).
 */
public final class Lifecycle {

    private static final Set<EventStatus> OUTCOMES = Set.of(EventStatus.CANCELLED, EventStatus.DECLINED);

    private Lifecycle() {
    }

    /** The stage rank; outcomes have none (-1). */
    public static int stage(EventStatus s) {
        return switch (s) {
            case SPECULATED, INVITED -> 1;
            case PLANNED -> 2;
            case UNDERWAY -> 3;
            case COMPLETED -> 4;
            case CANCELLED, DECLINED -> -1;
        };
    }

    public static boolean isOutcome(EventStatus s) {
        return OUTCOMES.contains(s);
    }

    /** The status after {@code reported} is published on an event standing at {@code current}. */
    public static EventStatus next(EventStatus current, EventStatus reported) {
        if (current == null) {
            return reported;
        }
        if (isOutcome(reported)) {
            return !isOutcome(current) && stage(current) >= stage(EventStatus.UNDERWAY) ? current : reported;
        }
        if (isOutcome(current)) {
            return stage(reported) >= stage(EventStatus.PLANNED) ? reported : current;
        }
        return stage(reported) >= stage(current) ? reported : current;
    }

    /** Folds reports already sorted in publication order; null for none. */
    public static EventStatus fold(List<EventStatus> inPublicationOrder) {
        EventStatus s = null;
        for (EventStatus r : inPublicationOrder) {
            s = next(s, r);
        }
        return s;
    }

    /**
     * Whether an imprecise report of {@code reported} can belong to an event that stood at
     * {@code asOf} when the report was published (null: nothing known yet, always open). A report of
     * plans joins an event not yet over; "cancelled/declined" joins one not yet started or a
     * repeat of the outcome; "underway" joins one not yet over or cancelled; "completed" joins any
     * event not cancelled or declined.
     */
    public static boolean canJoin(EventStatus reported, EventStatus asOf) {
        if (asOf == null) {
            return true;
        }
        return switch (reported) {
            case SPECULATED, INVITED, PLANNED, UNDERWAY -> !isOutcome(asOf) && asOf != EventStatus.COMPLETED;
            case COMPLETED -> !isOutcome(asOf);
            case CANCELLED, DECLINED -> isOutcome(asOf) || stage(asOf) <= stage(EventStatus.PLANNED);
        };
    }
}
