package io.attache.pipeline.lifecycle;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a change to an event raises an alert: NEW_EVENT when no earlier version of it existed,
 * STATUS_CHANGED when its status differs from the earlier version's, and neither for a background
 * event, whose dates all end more than the horizon before the triggering article's publication
 * (the article recalls it; it is not news). Undated events are never background.
 */
public final class AlertRules {

    private AlertRules() {
    }

    public static boolean isBackground(CanonicalEvent event, LocalDate publishedDay, int horizonDays) {
        Optional<PartialDate> span = PartialDate.parse(event.date(), event.dateEnd());
        return span.isPresent() && span.get().end().isBefore(publishedDay.minusDays(horizonDays));
    }

    /** @param previous the earlier version of the event, null if there was none */
    public static Optional<Alert.Kind> kind(CanonicalEvent previous, CanonicalEvent current) {
        if (previous == null) {
            return Optional.of(Alert.Kind.NEW_EVENT);
        }
        return previous.status() != current.status() ? Optional.of(Alert.Kind.STATUS_CHANGED) : Optional.empty();
    }
}
