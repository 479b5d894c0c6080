package io.attache.pipeline.activity;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.pipeline.lifecycle.EventKeys;
import io.attache.pipeline.lifecycle.Lifecycle;
import io.attache.pipeline.lifecycle.PartialDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One principal's activity, the value of the compacted {@code leaders.activity} topic keyed by
 * leader id. A summary of the current version of every event the leader takes part in, of bounded
 * size, kept incrementally by {@link ActivityStage} (the events themselves: {@code /api/events?leader=}).
 *
 * <ul>
 *   <li>{@code eventCount}: the leader's events.</li>
 *   <li>{@code visitsAbroad}: the leader's own VISITs outside their country, by status.</li>
 *   <li>{@code upcoming}: the {@value #UPCOMING_LIMIT} most recent of those VISITs not yet started
 *       (SPECULATED, INVITED, PLANNED) by {@link EventRef#RECENCY}, shown earliest first, undated last:
 *       a plan never reported again drops out as newer ones come, so the value stays bounded;
 *       {@code nextPlanned} the first PLANNED one whose dates do not end before the leader's last activity
 *       (a plan dated before the last trip that took place is not what comes next).</li>
 *   <li>{@code hosted}: events in the leader's country in which they take part, other than their own
 *       VISITs (meetings and signings at home; visits where they are named as host), by status.</li>
 *   <li>{@code meetings}, {@code calls}, {@code agreements}: by status.</li>
 *   <li>{@code countriesVisited}: visits that took place (UNDERWAY, COMPLETED) per country, with the
 *       latest date among them.</li>
 *   <li>{@code lastActivity}: the latest event that took place.</li>
 *   <li>{@code perMonth}: events dated to a month or day, neither cancelled nor declined, per month.</li>
 *   <li>{@code latest}: the most recent event; the leader's name and country are those it gives.</li>
 * </ul>
 */
public record LeaderActivity(
        String leaderId,
        String name,
        String country,
        int eventCount,
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
        EventRef latest) {

    /** How many visits not yet started a summary lists: the most recent ones. */
    public static final int UPCOMING_LIMIT = 10;

    /** Keeps leader activity from the leader's event versions. */
    public static final Tally<LeaderActivity> TALLY = (leaderId, current, held, now, timeline) -> {
        if (current == null && held != null) {
            return rebuild(leaderId, timeline);
        }
        LeaderActivity before = current != null ? current : empty(leaderId, now == null ? null : countryOf(leaderId, now));
        LeaderActivity next = before.replace(held, now, timeline);
        if (next.eventCount == 0) {
            return null;
        }
        // every category depends on the leader's country, which is that of the most recent event
        return Objects.equals(next.country, before.country) ? next : rebuild(leaderId, timeline);
    };

    private static final Comparator<EventRef> UPCOMING = Comparator.comparing((EventRef r) -> PartialDate.parse(r.date()).isEmpty())
            .thenComparing(EventRef::day).thenComparing(EventRef::eventId);

    /** The principal ids an event counts for: its actor and every participant. */
    public static Set<String> leadersOf(CanonicalEvent e) {
        return EventKeys.principalIds(e.actor(), e.participants());
    }

    private static LeaderActivity empty(String leaderId, String country) {
        return new LeaderActivity(leaderId, null, country, 0, Map.of(), List.of(), null, Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), null, Map.of(), null);
    }

    private static Optional<Principal> principal(String leaderId, EventRef r) {
        return Stream.concat(Stream.of(r.actor()), r.participants().stream())
                .filter(p -> EventKeys.principalId(p).equals(leaderId)).findFirst();
    }

    private static String countryOf(String leaderId, EventRef r) {
        return principal(leaderId, r).map(Principal::country).orElse(null);
    }

    private boolean ownVisitAbroad(EventRef r) {
        return r.type() == EventType.VISIT && EventKeys.principalId(r.actor()).equals(leaderId)
                && (r.hostCountry() == null || !r.hostCountry().equals(country));
    }

    private boolean hostedHere(EventRef r) {
        boolean ownVisit = r.type() == EventType.VISIT && EventKeys.principalId(r.actor()).equals(leaderId);
        return !ownVisit && country != null && country.equals(r.hostCountry());
    }

    private static boolean tookPlace(EventRef r) {
        return r.status() == EventStatus.UNDERWAY || r.status() == EventStatus.COMPLETED;
    }

    private static boolean upcoming(EventRef r) {
        return Lifecycle.stage(r.status()) >= 1 && Lifecycle.stage(r.status()) <= 2;
    }

    private static Optional<String> month(EventRef r) {
        return Lifecycle.isOutcome(r.status()) ? Optional.empty()
                : PartialDate.parse(r.date()).filter(d -> d.precision() != PartialDate.Precision.YEAR).map(d -> r.date().substring(0, 7));
    }

    /** The summary of all the leader's events, read from the timeline. */
    static LeaderActivity rebuild(String leaderId, Tally.Timeline timeline) {
        List<EventRef> events;
        try (Stream<EventRef> all = timeline.newestFirst()) {
            events = all.toList();
        }
        if (events.isEmpty()) {
            return null;
        }
        LeaderActivity a = empty(leaderId, countryOf(leaderId, events.get(0)));
        for (EventRef r : events) {
            a = a.replace(null, r, timeline);
        }
        return a;
    }

    private LeaderActivity replace(EventRef held, EventRef now, Tally.Timeline timeline) {
        int count = eventCount + (now != null ? 1 : 0) - (held != null ? 1 : 0);
        EventRef newest = Latest.after(latest, count, held, now, timeline);
        Principal me = newest == null ? null : principal(leaderId, newest).orElse(null);

        Map<EventStatus, Integer> visits = visitsAbroad;
        Map<EventStatus, Integer> home = hosted;
        Map<EventStatus, Integer> met = meetings;
        Map<EventStatus, Integer> called = calls;
        Map<EventStatus, Integer> signed = agreements;
        Map<String, Integer> months = perMonth;
        List<EventRef> next = upcoming;
        boolean heldListed = held != null && upcoming.stream().anyMatch(o -> o.eventId().equals(held.eventId()));
        TreeMap<String, CountryVisits> countries = new TreeMap<>(countriesVisited);
        EventRef[] change = {held, now};
        for (int i = 0; i < change.length; i++) {
            EventRef r = change[i];
            int d = i == 0 ? -1 : +1;
            if (r == null) {
                continue;
            }
            visits = ownVisitAbroad(r) ? Counts.plus(visits, r.status(), d) : visits;
            home = hostedHere(r) ? Counts.plus(home, r.status(), d) : home;
            met = r.type() == EventType.MEETING ? Counts.plus(met, r.status(), d) : met;
            called = r.type() == EventType.CALL ? Counts.plus(called, r.status(), d) : called;
            signed = r.type() == EventType.AGREEMENT ? Counts.plus(signed, r.status(), d) : signed;
            Optional<String> month = month(r);
            if (month.isPresent()) {
                months = Counts.plus(months, month.get(), d);
            }
            if (ownVisitAbroad(r) && upcoming(r)) {
                next = new ArrayList<>(next);
                next.removeIf(o -> o.eventId().equals(r.eventId()));
                if (d > 0) {
                    next.add(r);
                }
                next.sort(UPCOMING);
            }
            if (visited(r) != null) {
                CountryVisits was = countries.get(r.hostCountry());
                CountryVisits is = d > 0 ? CountryVisits.plus(was, r.date()) : was.minus();
                if (is == null) {
                    countries.remove(r.hostCountry());
                } else {
                    countries.put(r.hostCountry(), is);
                }
            }
        }
        String from = visited(held);
        if (from != null && countries.containsKey(from) && Objects.equals(held.date(), countriesVisited.get(from).lastDate())
                && !(from.equals(visited(now)) && CountryVisits.LATER.compare(now.date(), held.date()) >= 0)) {
            // the visit holding the country's latest date went away: the date is re-read from the timeline
            countries.put(from, new CountryVisits(countries.get(from).visits(), lastDate(from, timeline)));
        }

        if (heldListed && upcoming.size() >= UPCOMING_LIMIT
                && !(now != null && ownVisitAbroad(now) && upcoming(now) && EventRef.RECENCY.compare(now, held) >= 0)) {
            // a listed visit left or moved back while the list was full: one not listed may now belong in it
            next = mostRecentUpcoming(timeline);
        } else if (next.size() > UPCOMING_LIMIT) {
            next = new ArrayList<>(next);
            next.remove(next.stream().min(EventRef.RECENCY).orElseThrow());
        }

        EventRef last = lastActivity;
        if (held != null && last != null && last.eventId().equals(held.eventId())) {
            last = now != null && tookPlace(now) && EventRef.RECENCY.compare(now, held) >= 0 ? now : firstTookPlace(timeline);
        } else if (now != null && tookPlace(now) && (last == null || EventRef.RECENCY.compare(now, last) > 0)) {
            last = now;
        }
        List<EventRef> ahead = List.copyOf(next);
        LocalDate floor = last == null ? null : last.day();
        return new LeaderActivity(leaderId, me == null ? name : me.name(), me == null ? country : me.country(), count,
                visits, ahead, ahead.stream()
                        .filter(u -> u.status() == EventStatus.PLANNED && (floor == null || !u.lastDay().isBefore(floor)))
                        .findFirst().orElse(null),
                home, met, called, signed, countries, last, months, newest);
    }

    /** The {@link #UPCOMING_LIMIT} most recent own visits not yet started, read from the timeline. */
    private List<EventRef> mostRecentUpcoming(Tally.Timeline timeline) {
        try (Stream<EventRef> all = timeline.newestFirst()) {
            List<EventRef> found = new ArrayList<>(all.filter(r -> ownVisitAbroad(r) && upcoming(r)).limit(UPCOMING_LIMIT).toList());
            found.sort(UPCOMING);
            return found;
        }
    }

    /** The host of a visit abroad of the leader's that took place, else null. */
    private String visited(EventRef r) {
        return r != null && ownVisitAbroad(r) && tookPlace(r) ? r.hostCountry() : null;
    }

    private String lastDate(String host, Tally.Timeline timeline) {
        try (Stream<EventRef> all = timeline.newestFirst()) {
            // newest first by start day: the first dated visit has the latest day; ties are adjacent
            String latest = null;
            LocalDate day = null;
            for (EventRef r : (Iterable<EventRef>) all::iterator) {
                if (day != null && r.day().isBefore(day)) {
                    break;
                }
                if (host.equals(visited(r)) && PartialDate.parse(r.date()).isPresent()) {
                    day = r.day();
                    latest = CountryVisits.LATER.compare(r.date(), latest) > 0 ? r.date() : latest;
                }
            }
            return latest;
        }
    }

    private static EventRef firstTookPlace(Tally.Timeline timeline) {
        try (Stream<EventRef> all = timeline.newestFirst()) {
            return all.filter(LeaderActivity::tookPlace).findFirst().orElse(null);
        }
    }
}
