package io.attache.pipeline.activity;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.pipeline.lifecycle.EventKeys;
import io.attache.pipeline.lifecycle.Lifecycle;
import io.attache.pipeline.lifecycle.PartialDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One principal's activity, the value of the compacted {@code leaders.activity} topic keyed by
 * leader id. Every figure is derived from {@code events}, the current version of each event the
 * leader takes part in, so adding an event's new version after removing its old one can never
 * count it twice.
 *
 * <ul>
 *   <li>{@code visitsAbroad}: the leader's own VISITs outside their country, by status.</li>
 *   <li>{@code upcoming}: those VISITs not yet started (SPECULATED, INVITED, PLANNED), earliest first;
 *       {@code nextPlanned} the first PLANNED one.</li>
 *   <li>{@code hosted}: events in the leader's country in which they take part, other than their own
 *       VISITs (meetings and signings at home; visits where they are named as host), by status.</li>
 *   <li>{@code meetings}, {@code calls}, {@code agreements}: by status.</li>
 *   <li>{@code countriesVisited}: visits that took place (UNDERWAY, COMPLETED) per country.</li>
 *   <li>{@code lastActivity}: the latest event that took place.</li>
 *   <li>{@code perMonth}: events dated to a month or day, neither cancelled nor declined, per month.</li>
 * </ul>
 */
public record LeaderActivity(
        String leaderId,
        String name,
        String country,
        Map<EventStatus, Integer> visitsAbroad,
        List<EventRef> upcoming,
        EventRef nextPlanned,
        Map<EventStatus, Integer> hosted,
        Map<EventStatus, Integer> meetings,
        Map<EventStatus, Integer> calls,
        Map<EventStatus, Integer> agreements,
        Map<String, CountryVisits> countriesVisited,
        EventRef lastActivity,
        Map<String, Integer> perMonth,
        Map<String, EventRef> events) {

    /** The principal ids an event counts for: its actor and every participant. */
    public static Set<String> leadersOf(CanonicalEvent e) {
        return EventKeys.principalIds(e.actor(), e.participants());
    }

    /** The aggregate's adder: the event's current version replaces any earlier one. */
    public static LeaderActivity add(String leaderId, EventRef ref, LeaderActivity current) {
        Map<String, EventRef> events = current == null ? new TreeMap<>() : new TreeMap<>(current.events);
        events.put(ref.eventId(), ref);
        return of(leaderId, events);
    }

    /**
     * The aggregate's subtractor: removes the event if it is the version held, so a stale removal
     * can never drop a newer version. Null (a tombstone) once no event is left.
     */
    public static LeaderActivity subtract(String leaderId, EventRef ref, LeaderActivity current) {
        Map<String, EventRef> events = new TreeMap<>(current.events);
        events.remove(ref.eventId(), ref);
        return events.isEmpty() ? null : of(leaderId, events);
    }

    static LeaderActivity of(String leaderId, Map<String, EventRef> events) {
        Principal me = events.values().stream().sorted(EventRef.RECENCY.reversed())
                .flatMap(r -> Stream.concat(Stream.of(r.actor()), r.participants().stream()))
                .filter(p -> EventKeys.principalId(p).equals(leaderId)).findFirst().orElse(null);
        String country = me == null ? null : me.country();
        Predicate<EventRef> ownVisit = r -> r.type() == EventType.VISIT && EventKeys.principalId(r.actor()).equals(leaderId);
        Predicate<EventRef> abroad = r -> r.hostCountry() == null || !r.hostCountry().equals(country);
        Predicate<EventRef> tookPlace = r -> r.status() == EventStatus.UNDERWAY || r.status() == EventStatus.COMPLETED;

        List<EventRef> upcoming = events.values().stream().filter(ownVisit.and(abroad))
                .filter(r -> Lifecycle.stage(r.status()) >= 1 && Lifecycle.stage(r.status()) <= 2)
                .sorted(Comparator.comparing((EventRef r) -> PartialDate.parse(r.date()).isEmpty())
                        .thenComparing(EventRef::day).thenComparing(EventRef::eventId))
                .toList();

        Map<String, CountryVisits> countries = new TreeMap<>();
        events.values().stream().filter(ownVisit.and(abroad).and(tookPlace)).filter(r -> r.hostCountry() != null)
                .sorted(EventRef.RECENCY)
                .forEach(r -> countries.merge(r.hostCountry(), new CountryVisits(1, r.date()),
                        (a, b) -> new CountryVisits(a.visits() + 1, b.lastDate())));

        Map<String, Integer> perMonth = new TreeMap<>();
        events.values().stream().filter(r -> !Lifecycle.isOutcome(r.status()))
                .filter(r -> PartialDate.parse(r.date()).filter(d -> d.precision() != PartialDate.Precision.YEAR).isPresent())
                .forEach(r -> perMonth.merge(r.date().substring(0, 7), 1, Integer::sum));

        return new LeaderActivity(leaderId, me == null ? null : me.name(), country,
                byStatus(events, ownVisit.and(abroad)),
                upcoming,
                upcoming.stream().filter(r -> r.status() == EventStatus.PLANNED).findFirst().orElse(null),
                byStatus(events, ownVisit.negate().and(r -> country != null && country.equals(r.hostCountry()))),
                byStatus(events, r -> r.type() == EventType.MEETING),
                byStatus(events, r -> r.type() == EventType.CALL),
                byStatus(events, r -> r.type() == EventType.AGREEMENT),
                countries,
                events.values().stream().filter(tookPlace).max(EventRef.RECENCY).orElse(null),
                perMonth,
                events);
    }

    static Map<EventStatus, Integer> byStatus(Map<String, EventRef> events, Predicate<EventRef> which) {
        Map<EventStatus, Integer> counts = new TreeMap<>();
        events.values().stream().filter(which).forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }
}
