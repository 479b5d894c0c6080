package io.attache.extract.kb;

import io.attache.extract.text.Fold;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people, places and organisations extraction links names to, with one name index over all of them.
 * Immutable: an edit makes a new instance ({@link #withPerson}), so readers never see a half-built index.
 */
public final class KnowledgeBase {

    /** Titles news writes before names, with the role kind they denote; the KB's own titles are added. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("president", "HEAD_OF_STATE"), Map.entry("leader", "LEADER"),
            Map.entry("top leader", "LEADER"), Map.entry("supreme leader", "LEADER"),
            Map.entry("king", "HEAD_OF_STATE"), Map.entry("queen", "HEAD_OF_STATE"), Map.entry("emir", "HEAD_OF_STATE"),
            Map.entry("sultan", "HEAD_OF_STATE"), Map.entry("crown prince", "DEPUTY_HEAD"),
            Map.entry("prime minister", "HEAD_OF_GOVERNMENT"), Map.entry("premier", "HEAD_OF_GOVERNMENT"),
            Map.entry("chancellor", "HEAD_OF_GOVERNMENT"), Map.entry("pm", "HEAD_OF_GOVERNMENT"),
            Map.entry("vice president", "DEPUTY_HEAD"), Map.entry("vice-president", "DEPUTY_HEAD"),
            Map.entry("deputy prime minister", "DEPUTY_HEAD"), Map.entry("vice premier", "DEPUTY_HEAD"),
            Map.entry("foreign minister", "FOREIGN_MINISTER"), Map.entry("foreign secretary", "FOREIGN_MINISTER"),
            Map.entry("secretary of state", "FOREIGN_MINISTER"), Map.entry("minister of foreign affairs", "FOREIGN_MINISTER"),
            Map.entry("foreign affairs minister", "FOREIGN_MINISTER"), Map.entry("top diplomat", "FOREIGN_MINISTER"),
            Map.entry("defense minister", "DEFENCE_MINISTER"), Map.entry("defence minister", "DEFENCE_MINISTER"),
            Map.entry("defense secretary", "DEFENCE_MINISTER"), Map.entry("defence secretary", "DEFENCE_MINISTER"),
            Map.entry("minister of defense", "DEFENCE_MINISTER"), Map.entry("minister of defence", "DEFENCE_MINISTER"),
            Map.entry("secretary of defense", "DEFENCE_MINISTER"), Map.entry("war secretary", "DEFENCE_MINISTER"),
            Map.entry("minister", "MINISTER"), Map.entry("deputy foreign minister", "MINISTER"),
            Map.entry("vice foreign minister", "MINISTER"), Map.entry("trade minister", "MINISTER"),
            Map.entry("finance minister", "MINISTER"), Map.entry("interior minister", "MINISTER"),
            Map.entry("economy minister", "MINISTER"), Map.entry("energy minister", "MINISTER"),
            Map.entry("commerce secretary", "MINISTER"), Map.entry("treasury secretary", "MINISTER"),
            Map.entry("envoy", "ENVOY"), Map.entry("special envoy", "ENVOY"), Map.entry("ambassador", "ENVOY"),
            Map.entry("general", "MILITARY_LEADER"), Map.entry("senior general", "MILITARY_LEADER"),
            Map.entry("gen", "MILITARY_LEADER"), Map.entry("senior gen", "MILITARY_LEADER"),
            Map.entry("field marshal", "MILITARY_LEADER"), Map.entry("junta leader", "MILITARY_LEADER"),
            Map.entry("secretary general", "ORG_HEAD"), Map.entry("secretary-general", "ORG_HEAD"),
            Map.entry("director general", "ORG_HEAD"), Map.entry("director-general", "ORG_HEAD"),
            Map.entry("chairman", "PARTY_OFFICIAL"), Map.entry("counterpart", "COUNTERPART"), Map.entry("chairperson", "ORG_HEAD"));

    private final Map<String, Person> people;
    private final Map<String, Country> countries;
    private final List<City> cities;
    private final Map<String, Organisation> organisations;
    private final NameIndex index = new NameIndex();
    private final Map<String, List<Person>> shortOwners = new HashMap<>();

    public KnowledgeBase(Collection<Person> people, Collection<Country> countries, Collection<City> cities,
            Collection<Organisation> organisations) {
        this.people = new LinkedHashMap<>();
        people.forEach(p -> this.people.put(p.id(), p));
        this.countries = new LinkedHashMap<>();
        countries.forEach(c -> this.countries.put(c.code(), c));
        this.cities = List.copyOf(cities);
        this.organisations = new LinkedHashMap<>();
        organisations.forEach(o -> this.organisations.put(o.code(), o));
        build();
    }

    private void build() {
        TITLES.forEach((t, k) -> index.add(t, new NameIndex.Entry(NameIndex.Kind.TITLE, null, k)));
        for (Country c : countries.values()) {
            NameIndex.Entry e = new NameIndex.Entry(NameIndex.Kind.COUNTRY, null, c.code());
            index.add(c.name(), e);
            if (c.official() != null) {
                index.add(c.official(), e);
            }
            c.aliases().forEach(a -> index.add(a, e));
            c.demonyms().forEach(d -> index.add(d, new NameIndex.Entry(NameIndex.Kind.DEMONYM, null, c.code())));
        }
        for (City c : cities) {
            NameIndex.Entry e = new NameIndex.Entry("SEAT".equals(c.kind()) ? NameIndex.Kind.SEAT : NameIndex.Kind.CITY,
                    null, c.country());
            index.add(c.name(), e);
            c.aliases().forEach(a -> index.add(a, e));
        }
        for (Organisation o : organisations.values()) {
            NameIndex.Entry e = new NameIndex.Entry(NameIndex.Kind.ORG, null, o.code());
            index.add(o.name(), e);
            o.aliases().forEach(a -> index.add(a, e));
        }
        for (Person p : people.values()) {
            NameIndex.Entry e = new NameIndex.Entry(NameIndex.Kind.PERSON, p, p.id());
            index.add(p.name(), e);
            p.aliases().forEach(a -> index.add(a, e));
            for (String s : p.shortNames()) {
                index.add(s, new NameIndex.Entry(NameIndex.Kind.SHORT, p, p.id()));
                shortOwners.computeIfAbsent(Fold.name(s), k -> new ArrayList<>()).add(p);
            }
            for (Role r : p.roles()) {
                if (r.title() != null && !TITLES.containsKey(Fold.name(r.title())) && r.kind() != null) {
                    index.add(r.title(), new NameIndex.Entry(NameIndex.Kind.TITLE, null, r.kind()));
                }
            }
        }
    }

    public NameIndex index() {
        return index;
    }

    public Person person(String id) {
        return people.get(id);
    }

    public Collection<Person> people() {
        return people.values();
    }

    public Country country(String code) {
        return countries.get(code);
    }

    public Collection<Country> countries() {
        return countries.values();
    }

    public List<City> cities() {
        return cities;
    }

    public Collection<Organisation> organisations() {
        return organisations.values();
    }

    /** Everyone whose short name this is, for telling a unique "Putin" from an ambiguous "Kim". */
    public List<Person> shortOwners(String foldedShort) {
        return shortOwners.getOrDefault(foldedShort, List.of());
    }

    /**
     * Who held an office of one of {@code kinds} for {@code country} (or organisation code) on {@code day};
     * with {@code former}, who had held it and left before that day, the most recent first.
     */
    public List<Person> holders(String country, Set<String> kinds, LocalDate day, boolean former) {
        List<Person> out = new ArrayList<>();
        List<Role> ends = new ArrayList<>();
        for (Person p : people.values()) {
            for (Role r : p.roles()) {
                boolean where = country.equals(r.country()) || country.equals(r.org());
                if (where && kinds.contains(r.kind()) && (former ? r.endedBefore(day) && !holdsAny(p, country, kinds, day)
                        : r.heldOn(day))) {
                    out.add(p);
                    ends.add(r);
                    break;
                }
            }
        }
        if (former && out.size() > 1) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> ends.get(b).to().compareTo(ends.get(a).to()));
            List<Person> sorted = new ArrayList<>();
            order.forEach(i -> sorted.add(out.get(i)));
            return sorted;
        }
        return out;
    }

    /**
     * Who held, on {@code day}, an office of {@code country} whose title names {@code titleWords} ("king",
     * "crown prince", "emir"): the title itself, not only its kind, since a king and a president are both heads
     * of state.
     */
    public List<Person> titleHolders(String country, String titleWords, LocalDate day) {
        String wanted = " " + Fold.name(titleWords) + " ";
        List<Person> out = new ArrayList<>();
        for (Person p : people.values()) {
            if (titled(p, wanted, day) && p.roles().stream().anyMatch(r -> country.equals(r.country()) && r.heldOn(day)
                    && r.title() != null && (" " + Fold.name(r.title()) + " ").contains(wanted))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether {@code p} held an office titled with {@code titleWords} on {@code day}, in any country. */
    public static boolean holdsTitle(Person p, String titleWords, LocalDate day) {
        return titled(p, " " + Fold.name(titleWords) + " ", day);
    }

    private static boolean titled(Person p, String wanted, LocalDate day) {
        return p.roles().stream().anyMatch(r -> r.heldOn(day) && r.title() != null
                && (" " + Fold.name(r.title()) + " ").contains(wanted));
    }

    private static boolean holdsAny(Person p, String country, Set<String> kinds, LocalDate day) {
        return p.roles().stream().anyMatch(r -> (country.equals(r.country()) || country.equals(r.org()))
                && kinds.contains(r.kind()) && r.heldOn(day));
    }

    /** A new knowledge base with {@code person} added or replaced (an edit from reference.leaders). */
    public KnowledgeBase withPerson(Person person) {
        Map<String, Person> next = new LinkedHashMap<>(people);
        next.put(person.id(), person);
        return new KnowledgeBase(next.values(), countries.values(), cities, organisations.values());
    }

    /** A new knowledge base without the person of {@code id} (a tombstone on reference.leaders). */
    public KnowledgeBase withoutPerson(String id) {
        Map<String, Person> next = new LinkedHashMap<>(people);
        next.remove(id);
        return new KnowledgeBase(next.values(), countries.values(), cities, organisations.values());
    }
}
