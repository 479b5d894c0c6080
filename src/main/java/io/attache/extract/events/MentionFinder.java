package io.attache.extract.events;

import io.attache.extract.Principal;
import io.attache.extract.kb.KnowledgeBase;
import io.attache.extract.kb.NameIndex;
import io.attache.extract.kb.Person;
import io.attache.extract.kb.Role;
import io.attache.extract.text.Fold;
import io.attache.extract.text.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and links the people and places of one sentence: knowledge-base names and aliases in one trie walk,
 * short names resolved to the person the article named in full, role phrases ("the Chinese president")
 * resolved to who held the office on the publication day, and people the KB lacks but the text introduces
 * with a nationality and a title.
 */
final class MentionFinder {

    private static final Set<String> GENERIC_DET = Set.of("no", "a", "an", "any", "every", "each", "another", "whichever");
    private static final Set<String> NOT_NAME = Set.of("The", "A", "An", "And", "Of", "In", "On", "At", "For",
            "Is", "Was", "Will", "Has", "Had", "He", "She", "They", "It", "This", "That", "But", "As", "Who", "While",
            "When", "After", "Before", "During", "With", "By", "From");

    /** Lower-case name particles that may open a name: "von der Leyen", "al-Sisi", "da Silva". */
    private static final Set<String> PARTICLES = Set.of("von", "van", "der", "de", "da", "do", "dos", "al", "el",
            "bin", "ben", "le", "la", "del", "di", "du", "ter", "ibn");

    private final KnowledgeBase kb;
    /** Each KB person's folded names, computed once here rather than at every mention of the person. */
    private final Map<Person, FoldedNames> folded = new IdentityHashMap<>();

    /** A person's full name folded and padded with spaces, for whole-word search, and its folded short names. */
    private record FoldedNames(String paddedName, List<String> shortNames) {

        static FoldedNames of(Person p) {
            return new FoldedNames(" " + Fold.name(p.name()) + " ", p.shortNames().stream().map(Fold::name).toList());
        }
    }

    MentionFinder(KnowledgeBase kb) {
        this.kb = kb;
        for (Person p : kb.people()) {
            folded.put(p, FoldedNames.of(p));
        }
    }

    private FoldedNames folded(Person p) {
        FoldedNames f = folded.get(p);
        return f != null ? f : FoldedNames.of(p);
    }

    List<Ref> find(List<Token> t, ArticleState st) {
        List<Ref> raw = new ArrayList<>();
        NameIndex index = kb.index();
        int n = t.size();
        int i = 0;
        while (i < n) {
            Token tok = t.get(i);
            if (!tok.word()) {
                i++;
                continue;
            }
            Object node = index.step(null, tok.norm());
            int bestEnd = -1;
            List<NameIndex.Entry> best = null;
            int j = i;
            while (node != null) {
                List<NameIndex.Entry> e = index.entries(node);
                if (!e.isEmpty()) {
                    bestEnd = j + 1;
                    best = e;
                }
                int k = j + 1;
                while (k < n && !t.get(k).word() && (t.get(k).text().equals("-") || t.get(k).text().equals(".")
                        || t.get(k).text().equals("'") || t.get(k).text().equals("’"))) { // "Nuku'alofa", "N'Djamena"
                    k++;
                }
                if (k >= n || !t.get(k).word() || k > j + 2) {
                    break;
                }
                node = index.step(node, t.get(k).norm());
                j = k;
            }
            if (best != null) {
                Ref r = resolve(t, i, bestEnd, best, st);
                if (r != null) {
                    raw.add(r);
                    i = bestEnd;
                    continue;
                }
            }
            if (tok.capitalized()) {
                Principal local = st.shorts.get(tok.norm());
                if (local != null && !local.inKb() && !partOfLongerName(t, i, i + 1)) {
                    st.named(local);
                    raw.add(new Ref(i, i + 1, local, null, null, null));
                }
            }
            i++;
        }
        return roles(t, raw, st);
    }

    private static final Set<String> FACILITIES = Set.of("airport", "international", "palace", "university",
            "hospital", "stadium", "street", "road", "avenue", "centre", "center", "hall", "square", "mosque", "bridge",
            "port", "base", "foundation", "prize", "award", "airbase", "institute", "school", "college", "highway",
            "boulevard", "park", "dam", "museum", "library", "cathedral", "building", "tower", "expressway");

    private static boolean facilityWithin(List<Token> t, int from, int to) {
        for (int k = from; k < Math.min(to, t.size()); k++) {
            if (facilityAfter(t, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean facilityAfter(List<Token> t, int e) {
        return e < t.size() && t.get(e).capitalized() && FACILITIES.contains(t.get(e).norm());
    }

    private Ref resolve(List<Token> t, int s, int e, List<NameIndex.Entry> entries, ArticleState st) {
        boolean cap = t.get(s).capitalized() || PARTICLES.contains(t.get(s).norm()) && e - s > 1;
        NameIndex.Entry person = null;
        NameIndex.Entry shortName = null;
        NameIndex.Entry place = null;
        NameIndex.Entry title = null;
        for (NameIndex.Entry en : entries) {
            switch (en.kind()) {
                case PERSON -> person = person == null || holds(en.person(), st) && !holds(person.person(), st) ? en : person;
                case SHORT -> shortName = shortName == null ? en : shortName;
                case COUNTRY, DEMONYM, CITY, SEAT -> place = place == null ? en : place;
                case TITLE -> title = en;
                default -> { }
            }
        }
        if ((person != null || shortName != null) && facilityAfter(t, e)) {
            person = null; // "King Khalid International Airport", "Jomo Kenyatta Avenue": a place named after someone
            shortName = null;
        }
        if (person != null && cap) {
            Principal p = principal(person.person(), st);
            st.named(p);
            // An alias like "President Xi" may stop short of the written full name: take in the rest of it.
            FoldedNames names = folded(person.person());
            while (e < t.size() && t.get(e).capitalized() && names.paddedName().contains(" " + t.get(e).norm() + " ")) {
                e++;
            }
            boolean holds = holds(person.person(), st);
            for (String f : names.shortNames()) {
                Principal old = st.shorts.get(f);
                if (old == null || holds || !holdsId(old.id(), st)) {
                    st.shorts.put(f, p);
                }
            }
            return new Ref(s, e, p, null, null, null);
        }
        if (place != null && cap) {
            return new Ref(s, e, null, place.code(), place.kind().name(), null);
        }
        if (shortName != null && cap && !partOfLongerName(t, s, e)) {
            Principal p = st.shorts.get(Fold.name(joined(t, s, e)));
            if (p == null) {
                List<Person> owners = kb.shortOwners(Fold.name(joined(t, s, e)));
                if (owners.size() == 1 && holds(owners.get(0), st)) {
                    p = principal(owners.get(0), st);
                }
            }
            if (p != null) {
                st.named(p);
                return new Ref(s, e, p, null, null, null);
            }
        }
        if (title != null) {
            return new Ref(s, e, null, null, null, title.code());
        }
        return null;
    }

    /** "Stella Kim" is not Kim: a short name glued to another capitalised word is someone else's name. */
    private static final java.util.Set<String> PAIR_NOUNS = java.util.Set.of("summit", "talks", "meeting", "call",
            "meetings", "summits", "pact", "deal");

    private static boolean partOfLongerName(List<Token> t, int s, int e) {
        boolean before = s > 0 && t.get(s - 1).capitalized() && !NOT_NAME.contains(t.get(s - 1).text())
                && !titleWord(t.get(s - 1));
        boolean after = e < t.size() && t.get(e).capitalized();
        if (e + 1 < t.size() && t.get(e).text().equals("-") && t.get(e + 1).word()) {
            // "Trump-Putin summit" pairs two people; "Jong-un" or "Al-Sabah" continue one name
            after = !(t.get(e + 1).capitalized() && e + 2 < t.size() && PAIR_NOUNS.contains(t.get(e + 2).norm()));
        }
        return before || after;
    }

    private static boolean titleWord(Token tok) {
        return switch (tok.norm()) {
            case "president", "premier", "minister", "chancellor", "leader", "secretary", "general", "king", "emir",
                    "prince", "sheikh", "gen", "mr", "mrs", "ms", "dr", "senator", "envoy", "chairman", "pm", "sir",
                    "dame", "madam", "queen", "emperor", "sultan", "vice" -> true;
            default -> false;
        };
    }

    /**
     * Second pass: titles bind to the nationality before them and to the name after them. A title followed by
     * an unknown capitalised name introduces a principal the KB lacks; a title with no name is a role phrase.
     */
    private List<Ref> roles(List<Token> t, List<Ref> raw, ArticleState st) {
        List<Ref> out = new ArrayList<>(raw.size());
        for (int k = 0; k < raw.size(); k++) {
            Ref r = raw.get(k);
            if (r.title() == null) {
                boolean capital = "DEMONYM".equals(r.placeKind()) && r.end() < t.size() && t.get(r.end()).is("capital");
                out.add(capital ? new Ref(r.start(), r.end() + 1, null, r.country(), "CITY", null) : r);
                continue;
            }
            int titleEnd = r.end();
            int titleStart = r.start();
            while (k + 1 < raw.size() && raw.get(k + 1).title() != null && raw.get(k + 1).start() == titleEnd) {
                titleEnd = raw.get(++k).end();
            }
            String nationality = null;
            int roleStart = titleStart;
            Ref prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && prev.country() != null && !prev.person() && gapIsModifier(t, prev.end(), titleStart)) {
                nationality = prev.country();
                roleStart = prev.start();
            }
            Ref next = k + 1 < raw.size() ? raw.get(k + 1) : null;
            if (next != null && next.person() && next.start() <= titleEnd + 2) {
                // "President Vladimir Putin": the name carries the person; the span takes in the title.
                if (nationality != null) {
                    out.remove(out.size() - 1);
                }
                out.add(new Ref(roleStart, next.end(), next.principal(), null, null, text(t, titleStart, titleEnd)));
                k++;
                continue;
            }
            if (titleEnd < t.size() && t.get(titleEnd).text().equals(".")) {
                titleEnd++; // "Gen. Min Aung Hlaing"
            }
            String titleText = text(t, titleStart, titleEnd);
            if (titleEnd < t.size() && t.get(titleEnd).text().equals(",") && unknownName(t, titleEnd + 1, t.size()) > titleEnd + 1) {
                titleEnd++; // "his Indonesian counterpart, Jane Doe", "the Minister of Finance, John Doe"
            }
            int nameEnd = unknownName(t, titleEnd, next == null ? t.size() : next.start());
            if (nameEnd > titleEnd && !facilityWithin(t, titleEnd, nameEnd + 1)) { // not "King Khalid International Airport"
                String country = nationality != null ? nationality : nearbyNationality(out, titleStart);
                if (country != null) {
                    String name = text(t, titleEnd, nameEnd);
                    Principal p = new Principal(slug(name), name, country, titleText, false);
                    st.named(p);
                    st.shorts.putIfAbsent(t.get(titleEnd).norm(), p);
                    st.shorts.putIfAbsent(t.get(nameEnd - 1).norm(), p);
                    if (nationality != null) {
                        out.remove(out.size() - 1);
                    }
                    out.add(new Ref(roleStart, nameEnd, p, null, null, titleText));
                    continue;
                }
            }
            Principal holder = roleHolder(t, roleStart, r.title(), nationality, st);
            if (holder != null) {
                if (nationality != null) {
                    out.remove(out.size() - 1);
                }
                st.named(holder);
                out.add(new Ref(roleStart, titleEnd, holder, null, null, titleText));
            }
        }
        return out;
    }

    private boolean holdsKind(Principal p, String kind, ArticleState st) {
        Person kp = p.inKb() ? kb.person(p.id()) : null;
        return kp != null && kp.roles().stream().anyMatch(r -> matches(r.kind(), kind) && r.heldOn(st.published));
    }

    private Principal roleHolder(List<Token> t, int start, String kind, String nationality, ArticleState st) {
        String before = start > 0 ? t.get(start - 1).norm() : "";
        if (GENERIC_DET.contains(before) || start + 1 < t.size() && t.get(start).norm().equals("no")) {
            return null;
        }
        boolean former = before.equals("former") || before.equals("ex") || before.equals("late");
        if (nationality == null) {
            if (!before.equals("the")) {
                return null;
            }
            String royal = royalTitle(t, start);
            if (royal != null) {
                return royalHolder(royal, st);
            }
            if (st.protagonist != null && holdsKind(st.protagonist, kind, st)) {
                return st.protagonist; // "the premier" in a story about a premier's trip is that premier
            }
            return namedHolder(kind, st);
        }
        Set<String> kinds = "LEADER".equals(kind) ? Set.of("HEAD_OF_STATE") : Set.of(kind);
        List<Person> h = kb.holders(nationality, kinds, st.published, former);
        if (h.isEmpty() && "LEADER".equals(kind)) {
            h = kb.holders(nationality, Set.of("HEAD_OF_GOVERNMENT", "PARTY_OFFICIAL", "MILITARY_LEADER"), st.published, former);
        }
        if (h.size() > 1 && !former) {
            h = List.of("LEADER".equals(kind) ? mostOffices(h, nationality, st) : latestInOffice(h, nationality, kinds, st));
        }
        return h.isEmpty() ? null : principal(h.get(0), st);
    }

    /**
     * "the prime minister": the last named person holding that kind of office; when a visitor and a host both
     * do, the visitor, whom a trip story is about ("the premier will travel on to London").
     */
    private Principal namedHolder(String kind, ArticleState st) {
        Principal first = null;
        for (int i = st.named.size() - 1; i >= 0; i--) {
            Principal p = st.named.get(i);
            Person kp = p.inKb() ? kb.person(p.id()) : null;
            if (kp != null && kp.roles().stream().anyMatch(r -> matches(r.kind(), kind) && r.heldOn(st.published))) {
                if (st.lead == null || !st.lead.host().equals(p.country())) {
                    return p;
                }
                first = first == null ? p : first;
            }
        }
        return first;
    }

    /** "the King", "the Emir", "the Crown Prince": titles a president or prime minister never bears. */
    private static String royalTitle(List<Token> t, int start) {
        String w = t.get(start).norm();
        if (w.equals("crown") && start + 1 < t.size() && t.get(start + 1).is("prince")) {
            return "crown prince";
        }
        return switch (w) {
            case "king", "queen", "emir", "sultan" -> w;
            default -> null;
        };
    }

    /**
     * "the King": the last named person who bears that title, else the one bearer in the country the story is
     * filed from or its lead trip goes to; never a president named nearby.
     */
    private Principal royalHolder(String royal, ArticleState st) {
        for (int i = st.named.size() - 1; i >= 0; i--) {
            Principal p = st.named.get(i);
            Person kp = p.inKb() ? kb.person(p.id()) : null;
            if (kp != null && KnowledgeBase.holdsTitle(kp, royal, st.published)) {
                return p;
            }
        }
        for (String country : new String[] {st.dateline, st.lead == null ? null : st.lead.host()}) {
            List<Person> h = country == null ? List.of() : kb.titleHolders(country, royal, st.published);
            if (h.size() == 1) {
                return principal(h.get(0), st);
            }
        }
        return null;
    }

    /** "The leader" of a country is whoever holds the most of its offices (party, state, army) that day. */
    private static Person mostOffices(List<Person> holders, String country, ArticleState st) {
        Person best = holders.get(0);
        long most = -1;
        for (Person p : holders) {
            long n = p.roles().stream().filter(r -> country.equals(r.country()) && r.heldOn(st.published)).count();
            if (n > most) {
                most = n;
                best = p;
            }
        }
        return best;
    }

    /** Of several holders (a ceremonial head and a leader, stale data), the one who took office last. */
    private static Person latestInOffice(List<Person> holders, String country, Set<String> kinds, ArticleState st) {
        Person best = holders.get(0);
        String bestFrom = "";
        for (Person p : holders) {
            for (Role r : p.roles()) {
                if ((country.equals(r.country()) || country.equals(r.org())) && kinds.contains(r.kind()) && r.heldOn(st.published)
                        && r.from() != null && r.from().compareTo(bestFrom) > 0) {
                    bestFrom = r.from();
                    best = p;
                }
            }
        }
        return best;
    }

    private static boolean matches(String roleKind, String titleKind) {
        return roleKind != null && (roleKind.equals(titleKind)
                || "LEADER".equals(titleKind) && (roleKind.equals("HEAD_OF_STATE") || roleKind.equals("HEAD_OF_GOVERNMENT")));
    }

    /** End of a capitalised name of 2 to 4 words starting at {@code from}, or {@code from} if there is none. */
    private static int unknownName(List<Token> t, int from, int limit) {
        int k = from;
        int words = 0;
        while (k < limit && words < 4) {
            Token tok = t.get(k);
            if (tok.capitalized() && !NOT_NAME.contains(tok.text()) && tok.text().length() > 1) {
                words++;
                k++;
                if (k + 1 < limit && t.get(k).text().equals("-") && t.get(k + 1).word()) {
                    k += 2;
                }
            } else {
                break;
            }
        }
        return words >= 2 ? k : from;
    }

    private static String nearbyNationality(List<Ref> out, int titleStart) {
        for (int i = out.size() - 1; i >= 0; i--) {
            Ref r = out.get(i);
            if (titleStart - r.end() > 8) {
                return null;
            }
            if (!r.person() && r.country() != null && r.title() == null) {
                return r.country();
            }
        }
        return null;
    }

    private static boolean gapIsModifier(List<Token> t, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = t.get(k).norm();
            if (!(w.equals("'") || w.equals("’") || w.equals("s") || w.equals("former") || w.equals("then")
                    || w.equals("acting") || w.equals("deputy") || w.equals("new") || w.equals("current")
                    || w.equals("outgoing") || w.equals("incoming") || w.equals("-"))) {
                return false;
            }
        }
        return to - from <= 3;
    }

    private boolean holds(Person p, ArticleState st) {
        return p.roles().stream().anyMatch(r -> r.heldOn(st.published));
    }

    private boolean holdsId(String id, ArticleState st) {
        Person p = kb.person(id);
        return p != null && holds(p, st);
    }

    private Principal principal(Person p, ArticleState st) {
        Role role = null;
        for (Role r : p.roles()) {
            if (r.heldOn(st.published)) {
                role = r;
                break;
            }
        }
        if (role == null && !p.roles().isEmpty()) {
            role = p.roles().get(p.roles().size() - 1);
        }
        return new Principal(p.id(), p.name(), p.country(), role == null ? null : role.title(), true);
    }

    private static String joined(List<Token> t, int s, int e) {
        StringBuilder b = new StringBuilder();
        for (int k = s; k < e; k++) {
            if (t.get(k).word()) {
                b.append(t.get(k).text()).append(' ');
            }
        }
        return b.toString();
    }

    static String text(List<Token> t, int s, int e) {
        StringBuilder b = new StringBuilder();
        for (int k = s; k < e; k++) {
            Token tok = t.get(k);
            if (k > s && tok.start() > t.get(k - 1).end()) {
                b.append(' ');
            }
            b.append(tok.text());
        }
        return b.toString();
    }

    static String slug(String name) {
        return Fold.name(name).replace(' ', '-');
    }
}
