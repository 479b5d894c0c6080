package io.attache.extract.events;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.extract.dates.DateExpr;
import io.attache.extract.dates.DateFinder;
import io.attache.extract.dates.DateResolver;
import io.attache.extract.kb.KnowledgeBase;
import io.attache.extract.text.Sentence;
import io.attache.extract.text.Token;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the events of one sentence: finds trigger words, binds each to its actors (subject, "by X", listed
 * names, pronouns), its other principals ("with X", "between X and Y", a direct object), its destination and
 * date, and sets its status from the modality, negation and tense around it (ANNOTATION.md section 2).
 */
public final class EventReader {

    private static final Set<String> SKIP_BACK = Set.of("also", "not", "n't", "never", "soon", "then", "later",
            "formally", "officially", "reportedly", "personally", "first", "again", "finally", "still", "both", "jointly");
    private static final Set<String> VERB_LEAD = Set.of("will", "would", "to", "may", "might", "could", "can", "shall",
            "should", "must", "'ll", "ll", "not", "n't", "did", "does", "do", "cannot");
    private static final Set<String> PAST_WORDS = Set.of("was", "were", "had", "did", "made", "paid", "held", "took",
            "concluded", "wrapped", "ended", "followed", "came", "marked", "saw", "visited", "met", "last", "ago",
            "earlier", "previously", "agreed", "discussed", "traveled", "travelled", "attended", "signed", "hosted");

    /** A plan cue nearer the trigger than a speculation cue wins: "Kim's possible visit and a planned trip by X". */
    private static final Set<String> STRONG_PLAN = Set.of("planned", "scheduled", "upcoming", "forthcoming", "set",
            "will", "due", "confirmed", "announced", "slated");

    private static final Set<String> FUNCTION_WORDS = Set.of("for", "to", "on", "in", "at", "of", "with", "by", "and",
            "or", "from", "his", "her", "their", "its");

    private static final Set<String> CALL_DETERMINERS = Set.of("a", "the", "morning", "evening", "their", "his", "her",
            "separate", "brief", "lengthy", "hour-long", "second");
    private final MentionFinder finder;
    private final DateFinder dateFinder = new DateFinder();

    public EventReader(KnowledgeBase kb) {
        this.finder = new MentionFinder(kb);
    }

    /** The drafts of one sentence; {@code st} carries what earlier sentences established. */
    List<Draft> read(Sentence s, ArticleState st) {
        List<Token> t = s.tokens();
        if (t.size() > 1 && (t.get(0).is("correction") || t.get(0).is("clarification")) && t.get(1).text().equals(":")) {
            return List.of(); // an editor's note about what an earlier version said
        }
        st.sentence = s.index();
        List<Ref> refs = finder.find(t, st);
        boolean anyPerson = false;
        for (Ref r : refs) {
            anyPerson |= r.person();
        }
        // A sentence naming nobody matters only while the article's setting is unknown, and for an occasion it
        // places; most sentences are such, so their dates are found only when they mention an occasion.
        boolean nobody = !anyPerson && !hasPronoun(t) && st.lead != null;
        List<DateExpr> dates = nobody && !mentionsOccasion(t) ? List.of() : dateFinder.find(t);
        registerOccasions(t, refs, dates, st);
        if (st.dateline == null && !refs.isEmpty() && refs.get(0).place() && dateline(t, refs.get(0))) {
            st.dateline = refs.get(0).country();
        }
        List<Draft> out = new ArrayList<>();
        if (nobody) {
            st.pairBefore = null;
            return out;
        }
        boolean phone = false;
        for (int k = 0; k < t.size() && !phone; k++) {
            Token tok = t.get(k);
            phone = tok.word() && (Lexicon.PHONE.contains(tok.norm())
                    || tok.is("call") && k > 0 && CALL_DETERMINERS.contains(t.get(k - 1).norm())); // "after a morning call"
        }
        List<int[]> found = new ArrayList<>();
        List<Lexicon.Trigger> trigs = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (!tok.word()) {
                continue;
            }
            Lexicon.Trigger trig = Lexicon.TRIGGERS.get(tok.norm());
            if ((trig == null || tok.is("expected")) && beThere(t, i, refs)) {
                boolean past = tok.is("was") || tok.is("were");
                boolean ahead = tok.is("be") || tok.is("expected") || tok.is("due"); // "is due in Pretoria on Monday"
                trig = new Lexicon.Trigger(EventType.VISIT, ahead ? Lexicon.Form.BASE
                        : past ? Lexicon.Form.PAST : Lexicon.Form.PROG, null,
                        ahead ? Lexicon.Kind.ATTEND : Lexicon.Kind.ARRIVE);
            }
            if (trig != null && (tok.is("land") && !VERB_LEAD.contains(prevWordSkipping(t, i))
                    || memberNoun(tok.norm()) && !ledDelegation(t, i) && !listFollows(t, i))) {
                continue;
            }
            if (trig != null && tok.is("visiting") && visitorAdjective(t, i, refs)) {
                continue; // "talks with visiting Vietnamese leader X in Hanoi": X's visit comes from the talks' place
            }
            if (trig != null && tok.norm().startsWith("join") && !joinedIn(t, i, refs)) {
                continue; // "joined the talks", "was joined by": only "joined X in <place>" is a trip
            }
            if (trig == null && (phone || st.lastType == EventType.CALL && alsoSpoke(t, i)) && isTalkWord(tok.norm())) {
                trig = new Lexicon.Trigger(EventType.CALL, Lexicon.Form.PAST, null, Lexicon.Kind.PLAIN);
            }
            if (trig == null || insideRef(refs, i) || !needsMet(t, i, trig.needs()) && !leftPlace(t, i, refs)) {
                continue;
            }
            if (trig.type() == EventType.CALL && trig.form() == Lexicon.Form.NOUN && mannerOfAnotherVerb(t, i)) {
                continue; // "spoke by telephone": the verb is the trigger
            }
            if (trig.type() == EventType.MEETING && phone && trig.kind() == Lexicon.Kind.PLAIN && !tok.is("summit")) {
                trig = new Lexicon.Trigger(EventType.CALL, trig.form(), null, trig.kind());
            }
            found.add(new int[] {i});
            trigs.add(trig);
        }
        int[] positions = new int[found.size()];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = found.get(k)[0];
        }
        for (int k = 0; k < positions.length; k++) {
            readTrigger(s, t, positions[k], trigs.get(k), refs, dates, st, out, positions);
        }
        List<Principal> people = new ArrayList<>();
        for (Ref r : refs) {
            if (r.person() && !people.contains(r.principal())) {
                people.add(r.principal());
            }
        }
        st.pairBefore = people.size() == 2 ? people : null;
        for (Ref r : refs) {
            if (r.person()) {
                if (!isObject(t, r.start()) && !possessive(t, r)) {
                    st.lastSubject = r.principal();
                    st.lastSubjectSentence = s.index();
                }
                break;
            }
        }
        placeMeetingsByVisits(out);
        if (!out.isEmpty()) {
            Draft last = out.get(out.size() - 1);
            for (Draft d : out) {
                if (d.host() != null) {
                    st.previous = new ArticleState.Setting(d.host(), d.date(), d.dateEnd(), s.index());
                    break;
                }
            }
            for (Draft d : out) {
                if (st.lead != null && st.lead.date() == null && d.type() == EventType.VISIT && d.date() != null
                        && st.lead.host().equals(d.host())) { // the headline named the trip, the lede dates it
                    st.lead = new ArticleState.Setting(d.host(), d.date(), d.dateEnd(), st.lead.sentence());
                }
                if (st.lead == null && d.host() != null && !(d.type() == EventType.VISIT
                        && (d.status() == EventStatus.INVITED || d.status() == EventStatus.SPECULATED))) {
                    if (d.type() == EventType.VISIT || d.sentence().index() <= 2) {
                        // an invitation or a rumour is not the trip the article is about; the lede's meeting is
                        st.lead = new ArticleState.Setting(d.host(), d.date(), d.dateEnd(), s.index());
                        st.leadStatus = d.type() == EventType.VISIT ? d.status() : null;
                    }
                    break;
                }
            }
            for (Draft d : out) {
                if (st.mainPair == null && d.type() != EventType.VISIT && d.participants().size() == 2) {
                    st.mainPair = d.participants(); // whom "the two leaders" means further down
                }
            }
            st.lastActors = last.type() == EventType.VISIT ? List.of(last.actor()) : last.participants();
            st.lastType = last.type();
        }
        return out;
    }

    /** "joined EU leaders in Brussels": a named place after "in" closes the joined group. */
    private static boolean joinedIn(List<Token> t, int i, List<Ref> refs) {
        if (i + 1 < t.size() && t.get(i + 1).is("by")) {
            return false;
        }
        for (Ref r : refs) {
            if (r.place() && r.start() > i + 1 && r.start() <= i + 12 && t.get(r.start() - 1).is("in")
                    && !hasWord(t, i + 1, r.start(), ",")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mannerOfAnotherVerb(List<Token> t, int i) {
        String p = prevWord(t, i);
        if (p.equals("the")) {
            p = prevWord(t, i - 1);
        }
        return p.equals("by") || p.equals("over") || p.equals("on") || p.equals("via");
    }

    /** "will arrive in X on Monday for talks with Y": talks on a trip share the trip's status. */
    private static EventStatus tripStatus(List<Draft> out, Sentence s, List<Principal> actors) {
        for (int k = out.size() - 1; k >= 0; k--) {
            Draft d = out.get(k);
            if (d.sentence() == s && d.type() == EventType.VISIT && actors.contains(d.actor())) {
                return d.status() == EventStatus.UNDERWAY ? null : d.status();
            }
        }
        return null;
    }

    private static final Set<String> ANALYSTS = Set.of("analyst", "analysts", "expert", "experts", "professor",
            "researcher", "scholar", "observers", "commentators", "fellow", "economist");

    private static boolean analystQuote(List<Token> t) {
        boolean quote = false;
        boolean analyst = false;
        for (Token x : t) {
            quote |= x.text().equals("“") || x.text().equals("”") || x.text().equals("\"");
            analyst |= ANALYSTS.contains(x.norm());
        }
        return quote && analyst;
    }

    /** "wrapped up / concluded / ended a visit", "after a visit": the trip is over. */
    private static final Set<String> TRIP_OVER = Set.of("left", "returned", "departed", "ended", "wrapped",
            "concluded");

    /** "flew to X on Saturday and left the same evening": the sentence itself reports the trip over. */
    private static boolean endedLater(List<Token> t, int i) {
        for (int k = i + 1; k < t.size(); k++) {
            if (TRIP_OVER.contains(t.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    /** "arrived ... from <place>", "flew to X from <place>": the place of the trip's previous stop. */
    private static Ref earlierLeg(List<Token> t, int i, List<Ref> refs) {
        int b = i - 1;
        while (b >= 0 && (t.get(b).is("has") || t.get(b).is("have") || t.get(b).is("had") || t.get(b).is("also")
                || t.get(b).is("just") || t.get(b).is("then"))) {
            b--;
        }
        Ref subject = refEndingAt(refs, b + 1);
        if (b < 0 || !(subject != null && subject.person() || t.get(b).is("who") || t.get(b).is("he")
                || t.get(b).is("she"))) {
            return null; // "80,000 people have arrived from Sudan": not the principal's previous stop
        }
        for (int k = i + 1; k + 1 < Math.min(t.size(), i + 14); k++) {
            String w = t.get(k).text();
            if (w.equals(",") || w.equals(";") || t.get(k).is("and") || t.get(k).is("for") || t.get(k).is("to")
                    && k > i + 1) {
                return null;
            }
            if (t.get(k).is("from")) {
                Ref r = refStartingAt(refs, k + 1);
                return r != null && r.place() ? r : null;
            }
        }
        return null;
    }

    private static boolean endedWord(List<Token> t, int i) {
        for (int k = Math.max(0, i - 5); k < i; k++) {
            String w = t.get(k).norm();
            if (w.equals("wrapped") || w.equals("concluded") || w.equals("ended") || w.equals("after") || w.equals("completed")
                    || w.equals("wound")) {
                return true;
            }
        }
        return false;
    }

    /** "most leaders left Nairobi on Wednesday": leaving a place ends a visit there. */
    private static boolean leftPlace(List<Token> t, int i, List<Ref> refs) {
        String w = t.get(i).norm();
        if (!(w.equals("left") || w.equals("leaves") || w.equals("leaving") || w.equals("departed"))) {
            return false;
        }
        Ref r = refStartingAt(refs, i + 1);
        return r != null && r.place() && r.start() == i + 1;
    }

    /** "hosted leaders from 30 countries, including A and B", "among them A": where the named guests begin; else -1. */
    private static int guestList(List<Token> t, int i) {
        for (int k = i + 1; k < Math.min(t.size(), i + 14); k++) {
            if (t.get(k).text().equals(".") || t.get(k).text().equals(";")) {
                return -1;
            }
            if (t.get(k).is("including") || t.get(k).is("among") && k + 1 < t.size() && t.get(k + 1).is("them")) {
                return t.get(k).is("among") ? k + 1 : k;
            }
        }
        return -1;
    }

    private static final Set<String> VISITOR_LEADS = Set.of("with", "the", "a", "met", "meets", "received", "receives",
            "welcomed", "welcomes", "hosted", "hosts", "greeted", "greets", "and", ",");
    private static final Set<String> NOT_IN_A_TITLE = Set.of("to", "in", "at", "for", "on", "with", "from", "the", "a", "and");

    /** "visiting Vietnamese leader X", "the visiting premier, X": "visiting" describes the person who follows. */
    private static boolean visitorAdjective(List<Token> t, int i, List<Ref> refs) {
        if (!VISITOR_LEADS.contains(prevWord(t, i))) {
            return false; // "X is visiting President Y": the verb, X travels
        }
        for (Ref r : refs) {
            if (r.person() && r.start() > i) {
                if (r.start() > i + 5) {
                    return false;
                }
                for (int k = i + 1; k < r.start(); k++) {
                    if (!t.get(k).word() && !t.get(k).text().equals(",") || NOT_IN_A_TITLE.contains(t.get(k).norm())) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * "X met Y, who is on an official visit to China, at the Great Hall": a meeting with no place of its own is
     * where one of its participants is visiting in the same sentence ({@code out}: one sentence's drafts).
     */
    private static void placeMeetingsByVisits(List<Draft> out) {
        for (int n = 0; n < out.size(); n++) {
            Draft d = out.get(n);
            if (d.type() == EventType.VISIT || d.type() == EventType.CALL || d.host() != null) {
                continue;
            }
            for (Draft v : out) {
                if (v.type() == EventType.VISIT && v.host() != null
                        && d.participants().contains(v.actor()) && v.status() != EventStatus.PLANNED
                        && v.status() != EventStatus.CANCELLED && v.status() != EventStatus.DECLINED) {
                    out.set(n, new Draft(d.type(), d.status(), d.actor(), d.participants(), v.host(), d.location(),
                            d.occasion(), d.date(), d.dateEnd(), d.sentence(), d.confidence(), d.ended()));
                    break;
                }
            }
        }
    }

    /** "left Nairobi for Addis Ababa": the place the trip goes to; null when the sentence names none. */
    private static Ref leftFor(List<Token> t, int i, List<Ref> refs) {
        if (!leftPlace(t, i, refs)) {
            return null;
        }
        Ref from = refStartingAt(refs, i + 1);
        Ref to = refStartingAt(refs, from.end() + 1);
        return from.end() < t.size() && t.get(from.end()).is("for") && to != null && to.place() ? to : null;
    }

    /** "X is leading / headed Brazil's delegation", "a delegation led by X". */
    private static boolean ledDelegation(List<Token> t, int i) {
        for (int k = Math.max(0, i - 4); k < Math.min(t.size(), i + 3); k++) {
            String w = t.get(k).norm();
            if (w.startsWith("lead") || w.equals("led") || w.startsWith("head") || w.equals("part") || w.equals("joined")
                    || w.equals("join") || w.equals("joins")) {
                return true;
            }
        }
        return false;
    }

    private static boolean memberNoun(String w) {
        return w.equals("delegation") || w.equals("entourage") || w.equals("attendees");
    }

    /** "a delegation that includes X", "attendees include X", "X and Y are part of the entourage". */
    private static boolean listFollows(List<Token> t, int i) {
        for (int k = i + 1; k < Math.min(t.size(), i + 4); k++) {
            if (Lexicon.LIST_MARKERS.contains(t.get(k).norm()) && !t.get(k).is("such") && !t.get(k).is("among")) {
                return true;
            }
        }
        return hasWord(t, i - 4, i, "part") || hasWord(t, i - 4, i, "members");
    }

    /** "Among the leaders who arrived ... were A, B": the copula after the trigger that introduces the list. */
    private static int amongCopula(List<Token> t, int i) {
        int first = 0;
        while (first < i && !t.get(first).word()) {
            first++;
        }
        if (first >= i || !t.get(first).is("among")) {
            return -1;
        }
        for (int k = i + 1; k < Math.min(t.size(), i + 16); k++) {
            if (t.get(k).is("were") || t.get(k).is("are")) {
                return k;
            }
            if (t.get(k).text().equals(";") || t.get(k).text().equals(".")) {
                return -1;
            }
        }
        return -1;
    }

    /** "will be at the parade", "is in Moscow": presence at an occasion or in a place. */
    private static boolean beThere(List<Token> t, int i, List<Ref> refs) {
        String w = t.get(i).norm();
        if (!(w.equals("be") || w.equals("is") || w.equals("are") || w.equals("was") || w.equals("were")
                || w.equals("expected") || w.equals("due"))) {
            return false;
        }
        int at = i + 1;
        while (at < t.size() && (t.get(at).is("also") || t.get(at).is("already") || t.get(at).is("currently")
                || t.get(at).is("now") || t.get(at).is("still") || t.get(at).is("all") || t.get(at).is("both"))) {
            at++;
        }
        if (at + 1 >= t.size() || !(t.get(at).is("at") || t.get(at).is("in"))) {
            return false;
        }
        for (int k = at + 1; k < Math.min(t.size(), at + 4); k++) {
            if (Lexicon.OCCASIONS.contains(t.get(k).norm()) && !t.get(k).is("talks") && !t.get(k).is("meeting")) {
                return true;
            }
        }
        Ref r = refStartingAt(refs, at + 1);
        boolean planned = w.equals("expected") || w.equals("due") || w.equals("be") && (prevWord(t, i).equals("will") || prevWord(t, i).equals("to"));
        return r != null && r.place() && t.get(at).is("in") && (!w.equals("be") || planned);
    }

    private static final Set<String> PASSIVE_AUX = Set.of("been", "was", "were", "is", "are", "be", "being");

    /** "accepted / turned down / declined the invitation": the subject answers an invitation made to them. */
    private static boolean answered(List<Token> t, int i) {
        for (int k = Math.max(0, i - 4); k < i; k++) {
            String w = t.get(k).norm();
            if (w.equals("accepted") || w.equals("accepts") || w.equals("down") || Lexicon.DECLINE.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** "He also spoke with X", right after a call: the same means, to another person. */
    private static boolean alsoSpoke(List<Token> t, int i) {
        return i > 0 && t.get(i - 1).is("also") && (t.get(i).is("spoke") || t.get(i).is("talked"))
                && i + 1 < t.size() && (t.get(i + 1).is("with") || t.get(i + 1).is("to"));
    }

    private static boolean isTalkWord(String w) {
        return w.equals("spoke") || w.equals("speak") || w.equals("speaks") || w.equals("talked") || w.equals("spoken")
                || w.equals("conversation") || w.equals("talk") || w.equals("held");
    }

    private void readTrigger(Sentence s, List<Token> t, int i, Lexicon.Trigger trig, List<Ref> refs,
            List<DateExpr> dates, ArticleState st, List<Draft> out, int[] triggers) {
        String w = t.get(i).norm();
        Lexicon.Form form = trig.form();
        if (form == Lexicon.Form.NOUN && VERB_LEAD.contains(prevWordSkipping(t, i))) {
            form = Lexicon.Form.BASE;
        }
        if (form == Lexicon.Form.PRES && (w.endsWith("s")) && nounPlural(t, i, refs)) {
            return;
        }
        if (trig.kind() == Lexicon.Kind.INVITE && form == Lexicon.Form.NOUN
                && (prevWord(t, i).equals("the") || prevWord(t, i).equals("an")) && nextWord(t, i).equals("of")) {
            return; // "at the invitation of X" qualifies another trigger, it is not an invitation event itself.
        }
        if (w.equals("call") && !hasWithin(t, i + 1, 4, "with", "between") && !Lexicon.PHONE.contains(prevWord(t, i))) {
            return;
        }
        EventType type = trig.type();
        if (type == EventType.AGREEMENT && !agreementNear(t, i)) {
            return;
        }
        if (w.equals("present") && !nextWord(t, i).equals("at")) {
            return;
        }
        if (form == Lexicon.Form.NOUN && i >= 2 && (prevWord(t, i).equals("the") || prevWord(t, i).equals("this"))
                && COMMENT_VERBS.contains(t.get(i - 2).norm())) {
            return; // "X criticised the trip": a comment on someone else's trip
        }
        int listStart = listMarker(t, i);
        boolean separate = false;
        List<Principal> actors;
        List<Principal> objects = new ArrayList<>();
        switch (trig.kind()) {
            case INVITE, SEND -> {
                boolean passive = form == Lexicon.Form.PAST && PASSIVE_AUX.contains(prevWordSkipping(t, i))
                        && !t.get(i).is("represented");
                if (passive || form == Lexicon.Form.NOUN && answered(t, i)) {
                    actors = subjects(t, refs, i, st); // "X was invited by Y", "X turned down the invitation"
                } else if (form == Lexicon.Form.NOUN) {
                    actors = nextWord(t, i).equals("to") || nextWord(t, i).equals("for") ? personsAfter(t, refs, i, 4) : List.of();
                } else if (trig.kind() == Lexicon.Kind.SEND && !t.get(i).is("represented")) {
                    actors = sentPerson(t, refs, i); // "sent Foreign Minister X", not "sent a message to X"
                } else {
                    actors = personsAfter(t, refs, i, 10);
                }
                if (actors.isEmpty()) {
                    return;
                }
            }
            case HOST, DIRECT_CALL -> {
                if (t.get(i).is("hosted") && nextWord(t, i).equals("by") && (prevWord(t, i).equals("meeting")
                        || prevWord(t, i).equals("talks") || prevWord(t, i).equals("summit"))) {
                    return; // "a meeting hosted by X": the host joins that meeting, read from its verb
                }
                boolean passive = form == Lexicon.Form.PAST && PASSIVE_AUX.contains(prevWordSkipping(t, i))
                        && nextWord(t, i).equals("by");
                List<Principal> obj = personsAfter(t, refs, passive ? i + 1 : i, 3);
                int by = trig.kind() == Lexicon.Kind.HOST && form == Lexicon.Form.PAST && obj.isEmpty()
                        && (PASSIVE_AUX.contains(prevWordSkipping(t, i)) || prevWord(t, i).equals(",")) ? agentBy(t, i) : -1;
                if (by > 0) { // "was received with full honours at the palace by X", "greeted at the airport by X"
                    obj = personsAfter(t, refs, by, 6).stream().filter(EventReader::leader).toList();
                }
                int among = trig.kind() == Lexicon.Kind.HOST && obj.isEmpty() ? guestList(t, i) : -1;
                if (among > 0) { // "hosted more than 20 leaders in Kazan, including A and B"
                    obj = personsAfter(t, refs, among, 4);
                }
                if (obj.isEmpty() || trig.kind() == Lexicon.Kind.DIRECT_CALL && namesAfterObject(t, refs, i)) {
                    return;
                }
                objects.addAll(obj);
                actors = subjects(t, refs, i, st);
                if (trig.kind() == Lexicon.Kind.DIRECT_CALL) {
                    // "called on X" is a courtesy visit; "called on X to act" an appeal
                    type = nextWord(t, i).equals("on") ? EventType.MEETING : EventType.CALL;
                    if (type == EventType.MEETING && urged(t, refs, i)) {
                        return;
                    }
                }
            }
            default -> {
                int copula = listStart < 0 ? amongCopula(t, i) : -1;
                if (listStart >= 0) {
                    actors = listed(t, refs, listStart);
                } else if (copula >= 0) {
                    listStart = copula;
                    actors = listed(t, refs, copula); // "Among those attending are A, B and C"
                } else if (t.get(i).norm().startsWith("accompan") && form == Lexicon.Form.PAST
                        && PASSIVE_AUX.contains(prevWordSkipping(t, i))) { // not "is accompanying X": X is the leader
                    actors = personsAfter(t, refs, i, 12); // "He is accompanied by Foreign Minister X"
                } else if (type != EventType.VISIT && form == Lexicon.Form.NOUN && !pairBefore(t, refs, i).isEmpty()) {
                    actors = pairBefore(t, refs, i); // "a Trump-Putin summit"
                    objects.addAll(actors.subList(1, actors.size()));
                } else {
                    actors = byAfter(t, refs, i);
                    if (actors.isEmpty()) {
                        actors = subjects(t, refs, i, st);
                    }
                    if (actors.isEmpty()) {
                        actors = openingParticipleSubject(t, refs, i, form);
                    }
                }
                if (type == EventType.MEETING && form == Lexicon.Form.NOUN && nextWord(t, i).equals("hosted")) {
                    return; // "..., in a meeting hosted by X": X joins the meeting the verb reported
                }
                if (type != EventType.VISIT) {
                    objects.addAll(withObjects(t, refs, i, form));
                    if (type == EventType.MEETING && !objects.isEmpty()) {
                        objects.addAll(hostedBy(t, refs, i));
                    }
                    if (objects.isEmpty()) {
                        separate = referredObjects(t, i, actors, st, objects);
                    }
                }
            }
        }
        if (actors.isEmpty()) {
            if (type == EventType.VISIT && st.lead == null && trig.kind() != Lexicon.Kind.INVITE) {
                Ref place = hostPlace(t, i, refs, t.size(), trig, type);
                if (place != null) { // "Leaders arrive in X as the forum opens": the article's setting
                    DateExpr when = pickDate(t, i, dates, triggers);
                    DateResolver.Resolved d = when == null ? null : DateResolver.resolve(when, st.published, null);
                    st.lead = new ArticleState.Setting(place.country(), d == null ? null : d.date(),
                            d == null ? null : d.end(), s.index());
                }
            }
            return;
        }
        EventStatus status = status(t, i, trig, form, refs);
        if (status == null) {
            return;
        }
        DateExpr when = DateResolver.sharpen(pickDate(t, i, dates, triggers), dates, st.published, null);
        ArticleState.Setting inherited = null;
        boolean undetermined = status == EventStatus.PLANNED;
        DateResolver.Resolved date = when == null ? null
                : DateResolver.resolve(when, st.published, undetermined ? pastVerb(t, i, form) : futureOf(status));
        String occasion = occasion(t, i);
        // The host: where the event takes place.
        int nextVisit = t.size();
        for (int o : triggers) {
            Lexicon.Trigger ot = Lexicon.TRIGGERS.get(t.get(o).norm());
            if (o > i + 1 && o < nextVisit && ot != null && ot.type() == EventType.VISIT && ot.kind() != Lexicon.Kind.INVITE
                    && trig.kind() != Lexicon.Kind.INVITE) {
                nextVisit = o;
            }
        }
        Ref place = hostPlace(t, i, refs, listStart >= 0 ? Math.min(listStart, nextVisit) : nextVisit, trig, type);
        String host = place == null ? null : place.country();
        if (host == null && type == EventType.VISIT && trig.kind() == Lexicon.Kind.INVITE) {
            List<Principal> inviter = subjects(t, refs, i, st);
            host = inviter.isEmpty() ? null : inviter.get(0).country();
        }
        if (host == null && w.startsWith("accompan")) {
            for (Draft d : out) {
                if (d.sentence() == s && d.type() == EventType.VISIT) {
                    host = d.host(); // "X, who arrived in Riyadh on Wednesday, was accompanied by A and B"
                    break;
                }
            }
        }
        if (host == null) {
            inherited = inheritedSetting(t, i, trig, form, st, s.index());
            host = inherited == null ? null : inherited.host();
        }
        if (host == null && type == EventType.VISIT) {
            host = st.dateline; // a visit with no stated destination in a story filed from a capital is a visit there
        }
        if (date == null) {
            for (int k = out.size() - 1; k >= 0; k--) {
                Draft d = out.get(k);
                if (d.sentence() == s && d.date() != null && (inherited == null || d.host() != null && d.host().equals(host))) {
                    date = new DateResolver.Resolved(d.date(), d.dateEnd()); // "... visit on March 15, where he met X"
                    break;
                }
            }
        }
        if (date == null && inherited != null && inherited.date() != null) {
            date = new DateResolver.Resolved(inherited.date(), inherited.dateEnd());
        }
        EventStatus trip = undetermined && form == Lexicon.Form.NOUN && type != EventType.VISIT ? tripStatus(out, s, actors) : null;
        status = trip != null ? trip : settle(status, trig, form, t, i, date, st.published);
        if (undetermined && when == null && status != EventStatus.COMPLETED && headlinePresent(s, t, i, form)) {
            // "X and Y sign pact", "X visits Y": a headline's present tense reports news, not a plan
            status = type == EventType.VISIT ? EventStatus.UNDERWAY : EventStatus.COMPLETED;
        }
        if (status == EventStatus.COMPLETED && type == EventType.VISIT && spans(date, st.published)
                && trig.kind() != Lexicon.Kind.RETURN) {
            status = EventStatus.UNDERWAY; // "arrived on Saturday for a five-day visit", published on the Monday
        }
        if ((memberNoun(w) || w.startsWith("accompan")) && st.leadStatus != null && st.lead != null
                && st.lead.host().equals(host) && (status == EventStatus.COMPLETED && st.leadStatus == EventStatus.UNDERWAY
                || status == EventStatus.PLANNED && form == Lexicon.Form.NOUN)) {
            status = st.leadStatus; // "His delegation includes X": X travels as the leader does
        }
        if (status == EventStatus.PLANNED && analystQuote(t)) {
            status = EventStatus.SPECULATED; // a plan in an analyst's mouth is a forecast
        }
        if (undetermined && when != null) {
            Boolean future = futureOf(status);
            date = DateResolver.resolve(when, st.published, pastPlan(t, i) ? null : future != null ? future : pastVerb(t, i, form));
        }
        if (status == EventStatus.COMPLETED && type == EventType.VISIT && trig.kind() != Lexicon.Kind.RETURN
                && date != null && date.date().length() == 10 && daysBefore(date.date(), st.published) <= 1
                && !endedWord(t, i) && (!leftPlace(t, i, refs) || leftFor(t, i, refs) != null) && !endedLater(t, i)) {
            status = EventStatus.UNDERWAY; // "flew to London on Saturday", published on the Sunday: not reported over
        }
        if (date == null && status != EventStatus.COMPLETED && occasion != null) {
            date = occasionDate(occasion, host, st); // "will not attend the Rio summit": the summit's own date first
        }
        if (date == null && host != null) { // a stage of the article's trip or gathering shares its date
            ArticleState.Setting same = st.lead != null && st.lead.date() != null && st.lead.host().equals(host)
                    && leadDateFits(status, st.lead.date(), st.published) ? st.lead
                    : st.lastOccasion != null && st.lastOccasion.date() != null && host.equals(st.lastOccasion.host())
                    ? st.lastOccasion : null;
            if (same != null) {
                date = new DateResolver.Resolved(same.date(), same.dateEnd());
            }
        }
        if (date == null && status != EventStatus.COMPLETED) {
            date = occasionDate(occasion, host, st); // "will not attend the Rio summit" after "the summit in Rio on July 6"
        }
        if (date == null && status == EventStatus.UNDERWAY) {
            date = new DateResolver.Resolved(java.time.YearMonth.from(st.published).toString(), null); // "is in Nairobi"
        }
        String dateStr = date == null ? null : date.date();
        String dateEnd = date == null ? null : date.end();
        String location = place != null && ("CITY".equals(place.placeKind()) || "SEAT".equals(place.placeKind()))
                ? MentionFinder.text(t, place.start(), place.end()) : null;
        double conf = 0.55 + (place != null ? 0.15 : 0) + (when != null ? 0.1 : 0)
                + (actors.stream().allMatch(Principal::inKb) ? 0.1 : 0);
        if (type == EventType.VISIT) {
            if (host == null || isDomestic(t, i)) {
                return;
            }
            List<String> hosts = new ArrayList<>();
            hosts.add(host);
            if (place != null) {
                hosts.addAll(coordinatedPlaces(t, refs, place));
            }
            boolean ended = status == EventStatus.COMPLETED && (trig.kind() == Lexicon.Kind.RETURN || leftPlace(t, i, refs)
                    || endedWord(t, i));
            for (String h : hosts) {
                for (Principal a : actors) {
                    if (!h.equals(a.country())) {
                        out.add(new Draft(EventType.VISIT, status, a, List.of(), h, h.equals(host) ? location : null,
                                occasion, dateStr, dateEnd, s, Math.min(0.95, conf), ended));
                    }
                }
            }
            Ref leg = form == Lexicon.Form.PAST && (status == EventStatus.UNDERWAY || status == EventStatus.COMPLETED)
                    && trig.kind() != Lexicon.Kind.RETURN ? earlierLeg(t, i, refs) : null;
            if (leg != null && !leg.country().equals(host)) { // "arrived in Tokyo on Monday from Kuala Lumpur"
                String month = dateStr == null ? null : dateStr.substring(0, Math.min(7, dateStr.length()));
                for (Principal a : actors) {
                    if (!leg.country().equals(a.country())) {
                        out.add(new Draft(EventType.VISIT, EventStatus.COMPLETED, a, List.of(), leg.country(), null, null,
                                month, null, s, Math.min(0.8, conf - 0.1), true));
                    }
                }
            }
            return;
        }
        if (t.get(i).is("summit") && objects.isEmpty() && !hasWord(t, i - 4, i, "held") && !hasWord(t, i - 4, i, "hold")) {
            return; // "ahead of next month's summit": an occasion, not a meeting of the sentence's subjects
        }
        Set<Principal> all = new LinkedHashSet<>(actors);
        all.addAll(objects);
        if (all.size() < 2) {
            return;
        }
        List<Principal> participants = List.copyOf(all);
        if (place == null && type != EventType.CALL) {
            for (int k = out.size() - 1; k >= 0; k--) {
                Draft d = out.get(k);
                if (d.sentence() == s && d.type() == EventType.VISIT && participants.contains(d.actor())) {
                    host = d.host(); // "arrived in Abuja for talks with X", "visited Lagos, when he held talks"
                    break;
                }
            }
        }
        boolean today = (status == EventStatus.COMPLETED || status == EventStatus.UNDERWAY) && date != null
                && date.date().length() == 10 && daysBefore(date.date(), st.published) <= 7;
        if (host == null && st.dateline != null && type != EventType.CALL && today
                && participants.stream().anyMatch(p -> st.dateline.equals(p.country()))) {
            host = st.dateline; // "ADDIS ABABA — X held talks with the Ethiopian prime minister on Monday"
        }
        if (host == null && type != EventType.CALL && st.lead != null && inherited == null
                && participants.stream().anyMatch(p -> st.lead.host().equals(p.country()))
                && participants.stream().anyMatch(p -> p.country() != null && !st.lead.host().equals(p.country()))) {
            host = st.lead.host(); // talks with a local leader during the article's trip take place there
        }
        if (host == null && type != EventType.CALL && today) {
            boolean sidelines = hasWord(t, 0, t.size(), "sidelines");
            if (st.lastOccasion != null && (sidelines || st.lastOccasion.host().equals(st.dateline))) {
                host = st.lastOccasion.host(); // "On the sidelines, X met Y on Wednesday": at the gathering covered
            } else if (sidelines && st.dateline != null) {
                host = st.dateline; // ... in a story filed from the gathering's city
            }
        }
        String where = type == EventType.CALL ? null : host;
        if (type == EventType.CALL) {
            location = null;
        }
        separate |= objects.size() > 1 && (hasWord(t, i + 1, Math.min(t.size(), i + 25), "separately")
                || prevWord(t, i).equals("separate") || andWith(t, i) // "held separate calls", "with X and with Y"
                || type == EventType.MEETING && actors.size() == 1 && hostsInTurn(actors.get(0), objects));
        if (separate) { // "spoke with both leaders": one call with each
            for (Principal o : objects) {
                for (Principal a : actors) {
                    if (!a.equals(o)) {
                        out.add(new Draft(type, status, a, List.of(a, o), where, location, occasion, dateStr, dateEnd, s,
                                Math.min(0.9, conf), false));
                    }
                }
            }
            return;
        }
        out.add(new Draft(type, status, participants.get(0), participants, where, location, occasion, dateStr, dateEnd, s,
                Math.min(0.95, conf), false));
        // A meeting or signing in a participant's country implies the others travelled there (guide section 1).
        boolean located = place != null || where != null && where.equals(st.dateline);
        if (where != null && located) {
            // A visitor who met someone in the last days is taken to be still there.
            EventStatus visit = status == EventStatus.COMPLETED && date != null && date.date().length() == 10
                    && daysBefore(date.date(), st.published) <= 1 ? EventStatus.UNDERWAY : status;
            for (Principal p : participants) {
                if (p.country() != null && !where.equals(p.country())) {
                    out.add(new Draft(EventType.VISIT, visit, p, List.of(), where, location, occasion, dateStr, dateEnd,
                            s, Math.min(0.9, conf - 0.1), false));
                }
            }
        }
    }

    /** A title line (no closing full stop, short) whose trigger verb is in the bare present. */
    private static boolean headlinePresent(Sentence s, List<Token> t, int i, Lexicon.Form form) {
        if (!s.line() || t.size() > 16 || t.get(t.size() - 1).text().equals(".") || s.index() > 6
                || !(form == Lexicon.Form.PRES || form == Lexicon.Form.BASE)) {
            return false;
        }
        for (int k = 0; k < i; k++) {
            String w = t.get(k).norm();
            if (VERB_LEAD.contains(w) || Lexicon.PLAN.contains(w) || Lexicon.SPECULATE.contains(w)
                    || Lexicon.AUX_PRESENT.contains(w)) {
                return false; // "X to visit Y", "X set to sign", "X is expected to meet Y"
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern LEADER_TITLE = java.util.regex.Pattern.compile(
            "(?i)\\b(president|prime minister|premier|king|queen|emir|chancellor|sultan|crown prince|emperor)\\b");

    /** A head of state or government: being received by one is a meeting, by an airport delegation it is not. */
    private static boolean leader(Principal p) {
        String r = p.role() == null ? "" : p.role().toLowerCase(java.util.Locale.ROOT);
        return LEADER_TITLE.matcher(r).find() && !r.contains("vice") && !r.contains("deputy");
    }

    /** The "by" of a passive participle's agent further on in its clause, or -1. */
    private static int agentBy(List<Token> t, int i) {
        for (int k = i + 1; k < Math.min(t.size(), i + 14); k++) {
            Token x = t.get(k);
            if (x.is("by")) {
                return k;
            }
            if (x.text().equals(",") || x.text().equals(";") || x.is("and") || x.is("before") || x.is("after")
                    || Lexicon.TRIGGERS.containsKey(x.norm())) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean andWith(List<Token> t, int i) {
        for (int k = i + 2; k + 1 < Math.min(t.size(), i + 16); k++) {
            if (t.get(k).is("and") && t.get(k + 1).is("with")) {
                return true;
            }
        }
        return false;
    }

    /** A travel verb in the past tense earlier in the clause, with nothing between that would start a new one. */
    private static boolean travelledTo(List<Token> t, int i, int from) {
        for (int k = i - 2; k >= Math.max(from, i - 15); k--) {
            Token x = t.get(k);
            if (x.text().equals(",") || x.text().equals(";") || x.is("and") || x.is("but") || x.is("after") || x.is("before")) {
                return false;
            }
            Lexicon.Trigger v = Lexicon.TRIGGERS.get(x.norm());
            if (v != null && v.type() == EventType.VISIT && v.form() != Lexicon.Form.NOUN) {
                return v.form() == Lexicon.Form.PAST && !(k > 0 && (t.get(k - 1).is("to") || t.get(k - 1).is("will")));
            }
        }
        return false;
    }

    /** "ahead of his visit", "in the run-up to the summit": the event is still to come. */
    private static boolean aheadOf(List<Token> t, int i) {
        for (int k = i - 1; k >= Math.max(1, i - 5); k--) {
            if (t.get(k).is("of") && t.get(k - 1).is("ahead") || t.get(k).is("to") && t.get(k - 1).is("up")
                    && k >= 2 && t.get(k - 2).text().equals("-")) {
                return true;
            }
        }
        return false;
    }

    /** Verbs in the past tense that take a trip as their object: "began a state visit", "paid a visit". */
    private static final Set<String> PAST_GOVERNORS = Set.of("began", "started", "made", "paid", "undertook", "concluded",
            "completed", "ended", "kicked");

    /**
     * "arrived on Saturday", "began a state visit on Thursday": a verb in the past tense dates its weekday back,
     * not to the nearest one.
     */
    private static Boolean pastVerb(List<Token> t, int i, Lexicon.Form form) {
        if (form == Lexicon.Form.PAST) {
            return Boolean.FALSE;
        }
        for (int k = i - 1; form == Lexicon.Form.NOUN && k >= Math.max(0, i - 15); k--) {
            Lexicon.Trigger verb = Lexicon.TRIGGERS.get(t.get(k).norm());
            if (k >= i - 5 && PAST_GOVERNORS.contains(t.get(k).norm())
                    || verb != null && verb.form() == Lexicon.Form.PAST) { // "arrived on Saturday for a two-day visit"
                return Boolean.FALSE;
            }
            if (t.get(k).text().equals(",") || t.get(k).text().equals(";")) {
                break;
            }
        }
        return null;
    }

    private static Boolean futureOf(EventStatus s) {
        return switch (s) {
            case COMPLETED -> Boolean.FALSE;
            case UNDERWAY, CANCELLED, DECLINED -> null; // a trip can be called off or skipped before or after its date
            default -> Boolean.TRUE;
        };
    }

    // ---- status ----

    /** The status from cues around the trigger; null when the sentence does not report an event. */
    private EventStatus status(List<Token> t, int i, Lexicon.Trigger trig, Lexicon.Form form, List<Ref> refs) {
        int from = subordinateStart(t, i, form, clauseStart(t, i, 9));
        int until = i + 1;
        while (until < Math.min(t.size(), i + 22) && !t.get(until).text().equals(",") && !t.get(until).text().equals(";")) {
            until++; // "a planned visit by X to Y and Z in early December has been shelved"
        }
        for (int k = from; k < Math.max(until, Math.min(t.size(), i + 6)); k++) {
            String w = t.get(k).norm();
            if (k != i && Lexicon.CANCEL.contains(w) && (!w.equals("off") || k > 0 && t.get(k - 1).norm().startsWith("call"))
                    || w.equals("hold") && k > 0 && t.get(k - 1).is("on")) { // "put on hold"
                return EventStatus.CANCELLED;
            }
        }
        if (form == Lexicon.Form.NOUN && prevWord(t, i).equals("no")) {
            return null; // "there was no trip on her agenda": nothing happened or was decided
        }
        if (form == Lexicon.Form.NOUN && passiveCancel(t, until)) {
            return EventStatus.CANCELLED; // "Plans for a summit in X, announced in May, have since been put on hold"
        }
        boolean negated = false;
        boolean perfectNeg = false;
        for (int k = Math.max(from, i - 4); k < i; k++) {
            String w = t.get(k).norm();
            if (Lexicon.NEGATION.contains(w) && !(w.equals("no") && k + 1 < i)) {
                negated = true;
                String aux = k > 0 ? t.get(k - 1).norm() : "";
                if (aux.equals("has") || aux.equals("have") || aux.equals("had") || w.equals("never") && !hasWord(t, from, i, "will")) {
                    perfectNeg = true;
                }
            }
        }
        if (negated && perfectNeg) {
            return null;
        }
        if (prevWord(t, i).equals("against") && form == Lexicon.Form.PROG) {
            negated = true; // "decided against travelling"
        }
        if (trig.kind() == Lexicon.Kind.DECLINE || negated) {
            return EventStatus.DECLINED;
        }
        for (int k = Math.max(from, i - 6); k < i; k++) {
            String w = t.get(k).norm();
            if (Lexicon.DECLINE.contains(w) || w.equals("down") && k > 0 && t.get(k - 1).norm().startsWith("turn")) {
                return EventStatus.DECLINED;
            }
        }
        for (int k = i - 1; k >= 0; k--) {
            String w = t.get(k).norm();
            if (w.equals(",") || w.equals(";")) {
                break;
            }
            if (Lexicon.HYPOTHETICAL.contains(w)) {
                return null;
            }
        }
        for (int k = Math.max(from, i - 4); k < Math.min(t.size(), i + 4); k++) {
            if (k != i && Lexicon.HABITUAL.contains(t.get(k).norm())) {
                return null;
            }
        }
        for (int k = i + 4; k < Math.min(t.size(), i + 16); k++) {
            String w = t.get(k).text();
            if (w.equals(";") || w.equals(".") || w.equals("“") || w.equals("\"")) {
                break;
            }
            if (t.get(k).is("times") && k > 0 && (COUNT_WORDS.contains(t.get(k - 1).norm()) || Character.isDigit(t.get(k - 1).text().charAt(0)))) {
                return null; // "has visited A, B and C several times since 2023", "have met more than 40 times"
            }
        }
        if (form == Lexicon.Form.NOUN && countedBefore(t, i)) {
            return null;
        }
        if (trig.kind() == Lexicon.Kind.INVITE) {
            return hasWord(t, from, Math.min(t.size(), i + 8), "accepted") ? EventStatus.PLANNED : EventStatus.INVITED;
        }
        for (int k = Math.max(from, i - 8); k < i; k++) {
            String w = t.get(k).norm();
            if (w.equals("invited") || w.equals("invites") || w.equals("invite")) {
                return EventStatus.INVITED;
            }
        }
        for (int k = Math.min(t.size(), i + 6) - 1; k >= Math.max(from, i - 8); k--) {
            String w = t.get(k).norm();
            if (k < i && STRONG_PLAN.contains(w)) {
                break;
            }
            if (k != i && Lexicon.SPECULATE.contains(w)) {
                if (k > i && !(w.equals("possible") || w.equals("discussion") || w.equals("study") || w.equals("likely")
                        || w.equals("unlikely") || w.equals("mooted") || w.equals("proposed") || w.equals("tentative"))) {
                    continue;
                }
                if (w.equals("may") && t.get(k).capitalized() && k > 0) {
                    continue;
                }
                return EventStatus.SPECULATED;
            }
        }
        for (int k = i + 1; form == Lexicon.Form.NOUN && k < Math.min(t.size(), i + 10); k++) {
            String w = t.get(k).norm();
            if (w.equals(",") || w.equals(";") || w.equals(".")) {
                break;
            }
            if (w.equals("likely") || w.equals("unlikely") || w.equals("possible") || w.equals("mooted")) {
                return EventStatus.SPECULATED; // "a visit by X to Y was unlikely before the election"
            }
        }
        if (hasWord(t, 0, t.size(), "analysts") || hasWord(t, 0, t.size(), "observers")) {
            if (hasWord(t, Math.max(from, i - 6), i, "expected")) {
                return EventStatus.SPECULATED;
            }
        }
        return EventStatus.PLANNED; // provisional: settle() decides from tense and date.
    }

    private static boolean passiveCancel(List<Token> t, int from) {
        for (int k = from + 1; k < t.size(); k++) {
            String w = t.get(k).norm();
            if (!(w.equals("been") || w.equals("was") || w.equals("were"))) {
                continue;
            }
            String n = nextWordAt(t, k + 1);
            if (Lexicon.CANCEL.contains(n) && !n.equals("off") || n.equals("put") && hasWord(t, k + 2, k + 5, "hold")
                    || n.equals("called") && nextWordAt(t, k + 2).equals("off")) {
                return true;
            }
        }
        return false;
    }

    /** Tense and date refine the provisional PLANNED of {@link #status}. */
    private EventStatus settle(EventStatus provisional, Lexicon.Trigger trig, Lexicon.Form form, List<Token> t, int i,
            DateResolver.Resolved date, LocalDate published) {
        if (provisional != EventStatus.PLANNED) {
            return provisional;
        }
        int from = subordinateStart(t, i, form, clauseStart(t, i, 7));
        boolean futureCue = false;
        boolean pastCue = form == Lexicon.Form.PAST;
        boolean presentAux = false;
        boolean underwayCue = false;
        for (int k = Math.max(from, i - 6); k < i; k++) {
            String w = t.get(k).norm();
            if (Lexicon.PLAN.contains(w) && !w.equals("to") && !w.equals("agreed")) {
                futureCue = true;
            }
            if (Lexicon.AUX_PAST.contains(w) || PAST_WORDS.contains(w)) {
                pastCue = true;
            }
            if (Lexicon.AUX_PRESENT.contains(w) || w.equals("has") || w.equals("have")) {
                presentAux = true;
            }
            if (Lexicon.UNDERWAY.contains(w)) {
                underwayCue = true;
            }
        }
        if (prevWord(t, i).equals("to") && !pastCue && travelledTo(t, i, clauseStart(t, i, 15))) {
            pastCue = true; // "flew to X on Saturday to attend the summit": the purpose of a trip made, not a plan
        }
        if (prevWord(t, i).equals("to") && !pastCue || t.get(i).is("expected") || t.get(i).is("due")) {
            futureCue = true;
        }
        if (form == Lexicon.Form.NOUN && aheadOf(t, i)) {
            futureCue = true; // "ahead of his visit to Beijing next week"
        }
        if (form == Lexicon.Form.NOUN && !futureCue && hasWord(t, i - 6, i, "after")) {
            pastCue = true; // "comes after X's state visit to Y in May": the visit is behind us
        }
        if (form == Lexicon.Form.NOUN && onVisit(t, i)) {
            return EventStatus.UNDERWAY; // "is on a two-day state visit to Japan"
        }
        if (form == Lexicon.Form.NOUN && !pastCue && !futureCue) {
            for (int k = Math.max(0, i - 25); k < i; k++) {
                if (t.get(k).is("will") || t.get(k).is("scheduled") || t.get(k).is("due") || t.get(k).is("expected")
                        || t.get(k).is("set") || t.get(k).is("planned") || t.get(k).is("plans")) {
                    futureCue = true; // "X will arrive on Monday for a programme that includes a visit to ..."
                }
            }
        }
        if (form == Lexicon.Form.NOUN) {
            for (int k = i + 1; k < Math.min(t.size(), i + 5); k++) {
                String w = t.get(k).norm();
                if (w.equals("will") || w.equals("would") || w.equals("is") && k + 1 < t.size()
                        && (t.get(k + 1).is("set") || t.get(k + 1).is("scheduled") || t.get(k + 1).is("expected")
                        || t.get(k + 1).is("due") || t.get(k + 1).is("planned"))) {
                    futureCue = true;
                    break;
                }
                if (w.equals("was") || w.equals("ended") || w.equals("took") || w.equals("came")) {
                    pastCue = true;
                    break;
                }
                if (!t.get(k).word()) {
                    break;
                }
            }
        }
        int cmp = date == null ? 0 : compareToPublished(date.date(), published);
        if (futureCue) {
            return EventStatus.PLANNED;
        }
        if (trig.kind() == Lexicon.Kind.ARRIVE && (form == Lexicon.Form.PAST || form == Lexicon.Form.PRES
                || form == Lexicon.Form.PROG || form == Lexicon.Form.NOUN)) {
            if (date == null || cmp >= 0 || daysBefore(date.date(), published) <= 3) {
                return EventStatus.UNDERWAY;
            }
            return EventStatus.COMPLETED;
        }
        if (underwayCue && cmp >= 0) {
            return EventStatus.UNDERWAY;
        }
        if (form == Lexicon.Form.PROG) {
            if (presentAux && (date == null || cmp <= 0 || daysBefore(date.date(), published) <= 3)) {
                return EventStatus.UNDERWAY;
            }
            if (cmp > 0) {
                return EventStatus.PLANNED;
            }
            if (cmp < 0) {
                return EventStatus.COMPLETED;
            }
            return presentAux ? EventStatus.UNDERWAY : EventStatus.PLANNED;
        }
        if (pastCue) {
            return EventStatus.COMPLETED;
        }
        if (form == Lexicon.Form.PRES) {
            return cmp > 0 ? EventStatus.PLANNED : cmp < 0 ? EventStatus.COMPLETED : EventStatus.UNDERWAY;
        }
        if (form == Lexicon.Form.BASE) {
            return cmp < 0 ? EventStatus.COMPLETED : EventStatus.PLANNED;
        }
        return cmp > 0 ? EventStatus.PLANNED : EventStatus.COMPLETED;
    }

    private static boolean onVisit(List<Token> t, int i) {
        for (int k = i - 1; k >= Math.max(1, i - 7); k--) {
            if (t.get(k).is("on") && Lexicon.AUX_PRESENT.contains(t.get(k - 1).norm())) {
                return true;
            }
            if (!t.get(k).word() && !t.get(k).text().equals("-")) {
                return false;
            }
        }
        return false;
    }

    private static int compareToPublished(String partial, LocalDate published) {
        String p = published.toString().substring(0, partial.length());
        return partial.compareTo(p);
    }

    /**
     * An undated plan, refusal or arrival belongs to the article's lead trip; an undated past event may be
     * background, and a trip underway now only takes a lead date of these days.
     */
    private static boolean leadDateFits(EventStatus status, String leadDate, LocalDate published) {
        return status != EventStatus.COMPLETED
                && (status != EventStatus.UNDERWAY || Math.abs(daysBefore(leadDate, published)) <= 14);
    }

    private static long daysBefore(String partial, LocalDate published) {
        if (partial.length() < 10) {
            return partial.length() == 7 && published.toString().startsWith(partial) ? 0 : 99;
        }
        return published.toEpochDay() - DateResolver.parseDay(partial).toEpochDay();
    }

    // ---- people ----

    /** The subject: the nearest principal before the trigger that is not an object, with those coordinated to it. */
    private List<Principal> subjects(List<Token> t, List<Ref> refs, int i, ArticleState st) {
        int from = clauseStart(t, i, 60);
        List<Principal> out = new ArrayList<>();
        for (int k = i - 1; k >= from; k--) {
            Ref r = refEndingAt(refs, k + 1);
            if (r != null && r.person()) {
                if (isObject(t, r.start()) && !possessorOf(t, r, i)) {
                    k = r.start();
                    continue;
                }
                out.add(r.principal());
                coordinated(t, refs, r.start(), out, st);
                java.util.Collections.reverse(out); // text order: the first named is the actor
                return out;
            }
            String w = t.get(k).norm();
            if ((w.equals("invitation") || w.equals("invite") || w.equals("invites")) && !answered(t, k)) {
                return out; // "X renewed his invitation for a visit": X is not the visitor
            }
            if (w.equals("which")) {
                return out; // "X was in Rio for the summit, which Nigeria attended": the clause has its own subject
            }
            if (w.equals("who") && k > 0) {
                Ref antecedent = refEndingAt(refs, t.get(k - 1).text().equals(",") ? k - 1 : k);
                if (antecedent != null && antecedent.person()) {
                    out.add(antecedent.principal()); // "would meet X, who is also in New York": X is in New York
                    String verb = k + 1 < t.size() ? t.get(k + 1).norm() : "";
                    if (!(verb.equals("was") || verb.equals("is") || verb.equals("has"))) { // singular: X alone
                        coordinated(t, refs, antecedent.start(), out, st); // "A and B, who arrived with him"
                        java.util.Collections.reverse(out);
                    }
                    return out;
                }
            }
            if (Lexicon.PRONOUNS.contains(w) && !isObject(t, k)) {
                Principal p = pronoun(refs, k, t, st);
                if (p != null) {
                    out.add(p);
                    coordinated(t, refs, k, out, st);
                }
                return out;
            }
            if ((w.equals("two") && k > 0 && t.get(k - 1).is("the")) || w.equals("they")) {
                if (!twoPeople(t, k)) {
                    return new ArrayList<>(st.lastActors);
                }
                List<Principal> named = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    Ref n = refStartingAt(refs, j);
                    Principal p = n != null && n.person() ? n.principal()
                            : Lexicon.PRONOUNS.contains(t.get(j).norm()) && !isObject(t, j) ? pronoun(refs, j, t, st) : null;
                    if (p != null && !named.contains(p)) {
                        named.add(p);
                    }
                }
                // "X said Y had agreed, after the two leaders held a phone conversation": the pair just named;
                // else the pair the article is about, else the pair the sentence before named
                List<Principal> pair = named.size() == 2 ? named : st.mainPair != null ? st.mainPair
                        : st.pairBefore != null ? st.pairBefore : st.lastActors;
                if (named.size() == 1 && !pair.contains(named.get(0))) {
                    return named; // "X's visit in May, when the two leaders agreed": X and someone unnamed here
                }
                return new ArrayList<>(pair);
            }
        }
        return out;
    }

    private void coordinated(List<Token> t, List<Ref> refs, int start, List<Principal> out, ArticleState st) {
        int k = start - 1;
        while (k >= 0) {
            String w = t.get(k).norm();
            Ref r = refEndingAt(refs, k + 1);
            if (r == null && t.get(k).capitalized() && capitalRun(t, k) <= 4 && hasWord(t, k - 5, k, "and")) {
                k--; // "X and European Council President Y": an organisation's name between the two
                continue;
            }
            if (w.equals("and") || w.equals(",") || w.equals("both") || w.equals("former") || w.equals("as")
                    || w.equals("the") && k > 0 && (t.get(k - 1).is("and") || t.get(k - 1).text().equals(",")) // ", and the Minister of Finance, X"
                    || w.equals("well") || w.equals("'") || w.equals("’") || w.equals("s") && k > 0
                    && (t.get(k - 1).text().equals("'") || t.get(k - 1).text().equals("’"))
                    || r != null && !r.person() && r.country() != null) {
                k = r != null && !r.person() ? r.start() - 1 : k - 1;
                continue;
            }
            if (r != null && r.person() && !isObject(t, r.start())) {
                if (!out.contains(r.principal())) {
                    out.add(r.principal());
                }
                k = r.start() - 1;
                continue;
            }
            if (Lexicon.PRONOUNS.contains(w)) {
                Principal p = pronoun(refs, k, t, st);
                if (p != null && !out.contains(p)) {
                    out.add(p);
                }
                k--;
                continue;
            }
            break;
        }
    }

    /** "he" is the nearest principal before it in the sentence that is not an object, else the last actor. */
    private Principal pronoun(List<Ref> refs, int k, List<Token> t, ArticleState st) {
        for (int j = refs.size() - 1; j >= 0; j--) {
            Ref r = refs.get(j);
            if (r.person() && r.end() <= k && !isObject(t, r.start())) {
                return r.principal();
            }
        }
        if (st.lastSubject != null && st.sentence - st.lastSubjectSentence == 1) {
            return st.lastSubject; // "X has kept close contacts ... He last travelled to Y"
        }
        if (!st.lastActors.isEmpty()) {
            return st.lastActors.get(0);
        }
        return st.named.isEmpty() ? null : st.named.get(st.named.size() - 1);
    }

    private static List<Principal> sentPerson(List<Token> t, List<Ref> refs, int i) {
        for (Ref r : refs) {
            if (r.person() && r.start() > i && r.start() <= i + 8) {
                String p = prevWord(t, r.start());
                if (p.equals("to") || p.equals("for") || p.equals("from") || p.equals("by") || possessive(t, r)) {
                    return List.of();
                }
                return listFrom(t, refs, r);
            }
        }
        return List.of();
    }

    private static boolean urged(List<Token> t, List<Ref> refs, int i) {
        for (Ref r : refs) {
            if (r.person() && r.start() > i) {
                return nextWordAt(t, r.end()).equals("to");
            }
        }
        return false;
    }

    /** "X called Y a liar": a predicate after the object, not a phone call. */
    private static boolean namesAfterObject(List<Token> t, List<Ref> refs, int i) {
        for (Ref r : refs) {
            if (r.person() && r.start() > i) {
                String n = nextWordAt(t, r.end());
                return n.equals("a") || n.equals("an") || n.equals("the") || n.equals("“") || n.equals("\"") || n.equals("his")
                        || n.equals("her") || n.equals("to") && r.end() + 1 < t.size() && t.get(r.end() + 1).is("account");
            }
        }
        return false;
    }

    private static boolean possessive(List<Token> t, Ref r) {
        int k = r.end();
        return k + 1 < t.size() && (t.get(k).text().equals("'") || t.get(k).text().equals("’")) && t.get(k + 1).is("s");
    }

    private static int capitalRun(List<Token> t, int k) {
        int n = 0;
        while (k >= 0 && t.get(k).capitalized()) {
            n++;
            k--;
        }
        return n;
    }

    /** "Kim's (possible) visit": the possessor of the trigger noun is its actor whatever precedes it. */
    private static boolean possessorOf(List<Token> t, Ref r, int i) {
        int k = r.end();
        if (k + 1 >= t.size() || !(t.get(k).text().equals("'") || t.get(k).text().equals("’")) || !t.get(k + 1).is("s")) {
            return false;
        }
        return i - (k + 2) <= 3;
    }

    private static boolean isObject(List<Token> t, int start) {
        String p = prevWord(t, start);
        if (p.equals("by") && start >= 2) {
            String v = t.get(start - 2).norm();
            if (v.equals("led") || v.equals("headed") || v.equals("accompanied")) {
                return false;
            }
        }
        if (p.equals("'") || p.equals("’")) {
            return false;
        }
        String verb = p.equals("the") && start >= 2 ? t.get(start - 2).norm() : p;
        Lexicon.Trigger v = Lexicon.TRIGGERS.get(verb);
        if (v != null && v.form() != Lexicon.Form.NOUN && (verb.startsWith("accompan") || v.type() == EventType.MEETING)) {
            return true; // "will not accompany the Prime Minister", "met President X": the verb's object
        }
        return Lexicon.OBJECT_PREP.contains(p) || p.equals("invitation");
    }

    private static final Set<String> COMMENT_VERBS = Set.of("criticised", "criticized", "criticises", "criticizes",
            "condemned", "condemns", "slammed", "slams", "praised", "praises", "hailed", "hails", "defended", "defends",
            "questioned", "questions", "opposed", "opposes", "denounced", "denounces", "welcomed", "welcomes");
    private static final Set<String> HOSTING = Set.of("hosted", "organised", "organized", "invited", "convened",
            "chaired", "received", "welcomed", "arranged", "announced", "criticised", "criticized");

    /** "a trip by X", "the visit of X", "a visit to Y in April by X". */
    private static List<Principal> byAfter(List<Token> t, List<Ref> refs, int i) {
        boolean noun = Lexicon.TRIGGERS.containsKey(t.get(i).norm())
                && Lexicon.TRIGGERS.get(t.get(i).norm()).form() == Lexicon.Form.NOUN;
        for (int k = i + 1; k < Math.min(t.size(), i + (noun ? 10 : 4)); k++) {
            String w = t.get(k).norm();
            if (w.equals(",") || w.equals(";") || k > i + 1 && Lexicon.TRIGGERS.containsKey(w)) {
                break;
            }
            if (w.equals("by") && HOSTING.contains(prevWord(t, k))) {
                break; // "a visit to X hosted by Y": Y receives, X travels
            }
            if ((w.equals("by") || w.equals("of")) && (k <= i + 3 || w.equals("by"))) { // "a visit to China in April by X"
                Ref r = refStartingAt(refs, k + 1);
                if (r != null && r.person()) {
                    // "was attended by A, B and C": a verb's agents may be a list, a noun's ("a visit by X") one
                    return noun ? new ArrayList<>(List.of(r.principal())) : listFrom(t, refs, r);
                }
            }
        }
        return List.of();
    }

    /** Principals within {@code window} tokens after the trigger, with the ones listed after them. */
    private static List<Principal> personsAfter(List<Token> t, List<Ref> refs, int i, int window) {
        for (Ref r : refs) {
            if (r.person() && r.start() > i && r.start() <= i + window && !possessive(t, r)) {
                return listFrom(t, refs, r);
            }
        }
        return new ArrayList<>();
    }

    /** "In a phone call on Monday, ...", "On the second day of his visit to X, ...", "Ahead of his visit to X, ...". */
    private static final Set<String> PHRASE_OPENERS = Set.of("in", "during", "on", "ahead", "after", "before", "at");

    private static final Set<String> PARTICIPLE_LEADS = Set.of("after", "upon", "on", "while", "before", "since", "having");

    /**
     * "Arriving in Lisbon on Tuesday, Chancellor X said ...", "In a phone call on Sunday, A and B discussed ...":
     * a participle or a phrase around the trigger opening the sentence takes the subject of the clause after
     * its comma, the first persons named there.
     */
    private static List<Principal> openingParticipleSubject(List<Token> t, List<Ref> refs, int i, Lexicon.Form form) {
        boolean participle = form == Lexicon.Form.PROG || form == Lexicon.Form.PAST && i > 0 && t.get(i - 1).is("having");
        int start = i > 0 && PARTICIPLE_LEADS.contains(t.get(i - 1).norm()) ? i - 1 : i;
        boolean phrase = form == Lexicon.Form.NOUN && i <= 8 && PHRASE_OPENERS.contains(t.get(0).norm())
                && refs.stream().noneMatch(r -> r.person() && r.start() < i);
        if (!phrase && (!participle || start > 0 && !(start == 1 && t.get(0).is("after") && t.get(1).is("having")))) {
            return List.of();
        }
        int comma = -1;
        for (int k = i + 1; k < Math.min(t.size(), i + 30) && comma < 0; k++) {
            String x = t.get(k).text();
            if (x.equals(".") || x.equals(";") || x.equals(":")) {
                return List.of();
            }
            comma = x.equals(",") ? k : -1;
        }
        if (comma < 0) {
            return List.of();
        }
        for (Ref r : refs) {
            if (r.start() > comma && !r.person() && r.start() <= comma + 2) {
                continue; // "Chile's Tomás Herrera"
            }
            if (r.start() > comma) {
                if (!r.person() || r.start() > comma + 6 || isObject(t, r.start())) {
                    return List.of();
                }
                return listFrom(t, refs, r);
            }
        }
        return List.of();
    }

    /** The person {@code first} names and those listed right after: "A, B and C". */
    private static List<Principal> listFrom(List<Token> t, List<Ref> refs, Ref first) {
        List<Principal> out = new ArrayList<>();
        out.add(first.principal());
        collectList(t, refs, first, out);
        return out;
    }

    private static void collectList(List<Token> t, List<Ref> refs, Ref first, List<Principal> out) {
        int end = first.end();
        for (Ref r : refs) {
            if (r.person() && r.start() >= end) {
                if (gapIsListSeparator(t, end, r.start())) {
                    if (!out.contains(r.principal())) {
                        out.add(r.principal());
                    }
                    end = r.end();
                } else {
                    break;
                }
            }
        }
    }

    private static boolean gapIsListSeparator(List<Token> t, int from, int to) {
        boolean sep = false;
        for (int k = from; k < to; k++) {
            String w = t.get(k).norm();
            if (w.equals(",") || w.equals("and") || w.equals("as") || w.equals("well") || w.equals("&")
                    || w.equals("along") || w.equals("alongside") || w.equals("plus")) {
                sep = true;
            } else if (!(w.equals("former") || w.equals("the") || w.equals("with") && sep || w.equals("'") || w.equals("’")
                    || w.equals("s") || w.equals("-") || w.equals(".") || t.get(k).capitalized()
                    || sep && TITLE_WORDS.contains(w))) {
                return false;
            }
        }
        return sep && to - from <= 10;
    }

    private static final Set<String> COUNT_WORDS = Set.of("several", "many", "numerous", "multiple", "two", "three",
            "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "countless", "20", "10", "12");
    private static final Set<String> TOPIC_NOUNS = Set.of("situation", "crisis", "war", "conflict", "fighting",
            "developments", "violence", "unrest", "tensions", "peace", "security", "investment", "investments");

    /** Lower-case words inside a title between listed names: "Ghana's newly elected President X", "first lady Y". */
    private static final Set<String> TITLE_WORDS = Set.of("newly", "elected", "inaugurated", "re-elected", "first",
            "lady", "acting", "interim", "outgoing", "incoming", "new", "deputy", "vice", "of", "for", "state", "minister",
            "prime", "foreign", "defence", "defense", "finance", "secretary", "president", "chancellor", "premier",
            "crown", "prince", "king", "emir", "sheikh", "general", "special", "envoy", "counterpart");

    /** "include", "including", "such as", "among them" within a few tokens after the trigger. */
    private static int listMarker(List<Token> t, int i) {
        for (int k = i + 1; k < Math.min(t.size(), i + 8); k++) {
            if (Lexicon.LIST_MARKERS.contains(t.get(k).norm())) {
                return k;
            }
        }
        return -1;
    }

    private static List<Principal> listed(List<Token> t, List<Ref> refs, int marker) {
        List<Principal> out = new ArrayList<>();
        for (Ref r : refs) {
            if (r.person() && r.start() > marker) {
                if (r.start() - marker > 6 && out.isEmpty()) {
                    break;
                }
                out.add(r.principal());
                collectList(t, refs, r, out);
                break;
            }
        }
        return out;
    }

    /** "X will meet President A, Prime Minister B and Speaker C": a visitor calling on one country's officials in turn. */
    private static boolean hostsInTurn(Principal actor, List<Principal> objects) {
        String c = objects.get(0).country();
        return c != null && !c.equals(actor.country()) && objects.stream().allMatch(o -> c.equals(o.country()));
    }

    private static final Set<String> LEADER_NOUNS = Set.of("leaders", "presidents", "ministers", "premiers", "men",
            "sides", "counterparts");

    /**
     * "with him", "with both leaders": the other side named in an earlier sentence. Returns true when each of them
     * is met separately ("both", "the two").
     */
    private static boolean referredObjects(List<Token> t, int i, List<Principal> actors, ArticleState st,
            List<Principal> objects) {
        for (int k = i + 1; k + 1 < Math.min(t.size(), i + 7); k++) {
            if (!t.get(k).is("with")) {
                continue;
            }
            String n = t.get(k + 1).norm();
            if (n.equals("him") || n.equals("her")) {
                for (int j = st.named.size() - 1; j >= 0; j--) {
                    if (!actors.contains(st.named.get(j))) {
                        objects.add(st.named.get(j));
                        return false;
                    }
                }
                return false;
            }
            int at = n.equals("both") ? k + 2 : n.equals("the") && k + 2 < t.size() && t.get(k + 2).is("two") ? k + 3 : -1;
            if (at > 0 && at < t.size() && LEADER_NOUNS.contains(t.get(at).norm())) {
                for (Principal p : st.lastActors) {
                    if (!actors.contains(p)) {
                        objects.add(p);
                    }
                }
                return objects.size() > 1;
            }
            return false;
        }
        return false;
    }

    private static List<Principal> hostedBy(List<Token> t, List<Ref> refs, int i) {
        for (int k = i + 1; k + 2 < Math.min(t.size(), i + 30); k++) {
            if (t.get(k).is("hosted") && t.get(k + 1).is("by")) {
                for (Ref r : refs) {
                    if (r.person() && r.start() > k + 1 && r.start() <= k + 6) {
                        return List.of(r.principal());
                    }
                }
            }
        }
        return List.of();
    }

    /** "the Lula-Xi talks": two principals joined by a hyphen right before a meeting noun. */
    private static List<Principal> pairBefore(List<Token> t, List<Ref> refs, int i) {
        Ref b = refEndingAt(refs, i);
        if (b == null || !b.person() || b.start() < 2 || !t.get(b.start() - 1).text().equals("-")) {
            return List.of();
        }
        Ref a = refEndingAt(refs, b.start() - 1);
        if (a == null || !a.person() || a.principal().equals(b.principal())) {
            return List.of();
        }
        return List.of(a.principal(), b.principal());
    }

    /** "with X acting as mediator", "with X in attendance": present, but not a side of the meeting. */
    private static boolean bystander(List<Token> t, Ref r) {
        for (int k = r.end(); k < Math.min(t.size(), r.end() + 5); k++) {
            String w = t.get(k).norm();
            if (w.equals("mediator") || w.equals("mediators") || w.equals("mediating") || w.equals("attendance")
                    || w.equals("observer")) {
                return true;
            }
        }
        return false;
    }

    /** The other side of a meeting: "with X (and Y)", "between X and Y", or a direct object ("met X"). */
    private static List<Principal> withObjects(List<Token> t, List<Ref> refs, int i, Lexicon.Form form) {
        List<Principal> out = new ArrayList<>();
        for (int k = i + 1; k < Math.min(t.size(), i + 12); k++) {
            String w = t.get(k).norm();
            if (w.equals("with") || w.equals("between") || w.equals("and") && k == i + 1
                    || w.equals("to") && k == i + 1 && isTalkWord(t.get(i).norm()) // "spoke to X by telephone"
                    || w.equals("from") && form == Lexicon.Form.NOUN && receivedCall(t, i)) { // "received a call from X"
                for (Ref r : refs) {
                    if (r.person() && r.start() > k && (r.start() <= k + 4 || titleGap(t, k + 1, r.start()))
                            && !bystander(t, r)) {
                        out.add(r.principal());
                        collectList(t, refs, r, out);
                        return out;
                    }
                }
            }
            if (w.equals(";") || w.equals(".")) {
                break;
            }
        }
        if (form != Lexicon.Form.NOUN) {
            for (Ref r : refs) {
                if (r.person() && r.start() > i && r.start() <= i + 2 && !possessive(t, r)) {
                    out.add(r.principal());
                    collectList(t, refs, r, out);
                    break;
                }
            }
        }
        return out;
    }

    private static final Set<String> RECEIVE = Set.of("received", "receives", "receiving", "receive", "got", "gets", "took",
            "takes", "answered");

    /** "X received a phone call from Y": the caller follows "from". */
    private static boolean receivedCall(List<Token> t, int i) {
        Lexicon.Trigger trig = Lexicon.TRIGGERS.get(t.get(i).norm());
        if (trig == null || trig.type() != EventType.CALL) {
            return false;
        }
        for (int k = Math.max(0, i - 4); k < i; k++) {
            if (RECEIVE.contains(t.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    /** "with U.S. Secretary of State X": only a capitalised title stands between the preposition and the name. */
    private static boolean titleGap(List<Token> t, int from, int to) {
        if (to - from > 9) {
            return false;
        }
        for (int k = from; k < to; k++) {
            Token x = t.get(k);
            if (!(x.capitalized() || x.text().equals(".") || x.is("of") || x.is("the") || x.is("and"))) {
                return false;
            }
        }
        return true;
    }

    // ---- places ----

    private Ref hostPlace(List<Token> t, int i, List<Ref> refs, int limit, Lexicon.Trigger trig, EventType type) {
        for (int k = i + 2; k + 1 < Math.min(limit, t.size()); k++) {
            if ((t.get(k).is("after") || t.get(k).is("before")) && t.get(k + 1).norm().endsWith("ing")) {
                limit = k; // "land in the resort after addressing parliament in X": X is an earlier stop
                break;
            }
        }
        Ref destination = leftFor(t, i, refs);
        if (destination != null) {
            return destination; // "left Nairobi for Addis Ababa": where the trip goes, not where it starts
        }
        int anchor = i; // "signed by A and B at the palace in X": count from the last of the names that follow
        for (Ref r : refs) {
            if (type == EventType.AGREEMENT && r.person() && r.start() > anchor && r.start() <= anchor + 8 && r.start() < limit) {
                anchor = r.end();
            }
        }
        for (int n = 0; n < refs.size(); n++) {
            Ref r = refs.get(n);
            if (r.place() && r.start() > i && r.start() < limit
                    && (r.start() - (type == EventType.VISIT ? i : anchor) <= (type == EventType.VISIT ? 22 : 10)
                    || occasionIn(t, r.start()) && r.start() - i <= 22)
                    && placeAccepted(t, r, i, trig)
                    && (type == EventType.VISIT || !prevWord(t, r.start()).equals("to") || "SEAT".equals(r.placeKind()))) {
                Ref city = n + 1 < refs.size() ? refs.get(n + 1) : null;
                if ("SEAT".equals(r.placeKind()) && city != null && city.place() && city.start() == r.end() + 1
                        && t.get(r.end()).is("in")) {
                    return city; // "at State House in Pretoria": the seat's name is shared, the city is not
                }
                return r;
            }
        }
        for (int k = i + 1; k < Math.min(t.size(), i + 4); k++) {
            if (t.get(k).is("there")) {
                return lastPlaceBefore(refs, i, t, false);
            }
        }
        return lastPlaceBefore(refs, i, t, true);
    }

    private static Ref lastPlaceBefore(List<Ref> refs, int i, List<Token> t, boolean strict) {
        Ref best = null;
        for (Ref r : refs) {
            if (r.place() && r.end() <= i && !dateline(t, r) && (!strict || i - r.end() <= 8 || "SEAT".equals(r.placeKind())
                    || whereFollows(t, r.end()))) {
                String p = prevWord(t, r.start());
                boolean where = whereFollows(t, r.end());
                if (!strict || Lexicon.PLACE_PREP_OK.contains(p) || where || "SEAT".equals(r.placeKind())) {
                    best = r;
                }
            }
        }
        return best;
    }

    /** "the summit in Johannesburg": a place given as where an occasion is held. */
    private static boolean occasionIn(List<Token> t, int placeStart) {
        int p = placeStart - 1;
        if (p < 1 || !(t.get(p).is("in") || t.get(p).is("at"))) {
            return false;
        }
        for (int k = Math.max(0, p - 3); k < p; k++) {
            if (Lexicon.OCCASIONS.contains(t.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    /** "a tour of Nigeria and Ghana": every country listed after the first destination. */
    private static List<String> coordinatedPlaces(List<Token> t, List<Ref> refs, Ref first) {
        List<String> out = new ArrayList<>();
        int end = first.end();
        for (Ref r : refs) {
            if (r.start() < end) {
                continue;
            }
            String gap = MentionFinder.text(t, end, r.start());
            if (r.place() && (gap.equals("and") || gap.equals(",") || gap.equals(", and") || gap.equals("and then"))) {
                if (!r.country().equals(first.country()) && !out.contains(r.country())) {
                    out.add(r.country());
                }
                end = r.end();
            } else {
                break;
            }
        }
        for (int k = end; k + 2 < t.size(); k++) { // "... to Malaysia from April 15 to 17 and then to Phnom Penh"
            if (!t.get(k).is("then")) {
                continue;
            }
            for (Ref r : refs) {
                if (r.place() && r.start() > k && r.start() <= k + 4 && prevWord(t, r.start()).equals("to")
                        && !r.country().equals(first.country()) && !out.contains(r.country())) {
                    out.add(r.country());
                }
            }
        }
        return out;
    }

    /** "Pyongyang, where ...", "Pyongyang on March 15, where ...". */
    private static boolean whereFollows(List<Token> t, int from) {
        for (int k = from; k < Math.min(t.size(), from + 7); k++) {
            if (t.get(k).is("where")) {
                return true;
            }
            if (t.get(k).is("when") || t.get(k).is(";")) {
                return false;
            }
        }
        return false;
    }

    /** "NAIROBI —", "SHENZHEN, China —", "LAGOS (Reuters) -": the place a story is filed from. */
    private static boolean dateline(List<Token> t, Ref r) {
        if (r.start() != 0) {
            return false;
        }
        for (int k = r.end(); k < Math.min(t.size(), r.end() + 4); k++) {
            String x = t.get(k).text();
            if (x.equals("—") || x.equals("–") || x.equals("-") || x.equals("(")) {
                return true;
            }
            if (!(x.equals(",") || t.get(k).capitalized())) {
                return false;
            }
        }
        return false;
    }

    private static boolean placeAccepted(List<Token> t, Ref r, int i, Lexicon.Trigger trig) {
        int k = r.start() - 1;
        while (k > i && (t.get(k).is("the") || t.get(k).norm().equals("'") || t.get(k).norm().equals("’"))) {
            k--;
        }
        if (k == i) {
            return true;
        }
        String p = t.get(k).norm();
        if ((p.equals("in") || p.equals("on")) && k - 1 > i && TOPIC_NOUNS.contains(t.get(k - 1).norm())) {
            return false; // "talks on the situation in X": a topic, not a destination
        }
        if (p.equals("of")) {
            return k == i + 1 && (t.get(i).is("tour") || t.get(i).is("visit") || t.get(i).is("trip"));
        }
        if (p.equals("from")) {
            return trig.kind() == Lexicon.Kind.DECLINE || trig.kind() == Lexicon.Kind.RETURN;
        }
        if (p.equals("on")) {
            return k == i + 1 && t.get(i).norm().startsWith("converg"); // "leaders converge on X"
        }
        if (p.equals("with") && k - 1 > i && (t.get(k - 1).is("beginning") || t.get(k - 1).is("starting"))) {
            return true; // "embarked on a five-nation tour, beginning with Ghana": the first stop
        }
        return Lexicon.PLACE_PREP_OK.contains(p) || p.equals("s") && k - 2 > i && false;
    }

    /** Host and date of the event an undetermined trigger refers to: an occasion, the previous sentence, the lead. */
    private static ArticleState.Setting inheritedSetting(List<Token> t, int i, Lexicon.Trigger trig, Lexicon.Form form,
            ArticleState st, int sentence) {
        for (int k = i + 1; k < Math.min(t.size(), i + 9); k++) {
            ArticleState.Setting o = st.occasions.get(t.get(k).norm());
            if (o != null && Lexicon.OCCASIONS.contains(t.get(k).norm())) {
                return o;
            }
        }
        boolean placeObject = i + 1 < t.size() && (t.get(i + 1).is("in") || t.get(i + 1).is("at") || t.get(i + 1).is("to")
                || t.get(i + 1).is("for") || t.get(i + 1).is("from")) && !(i + 2 < t.size() && t.get(i + 2).is("person"));
        boolean negated = hasWord(t, i - 3, i, "not") || hasWord(t, i - 3, i, "n't") || prevWord(t, i).equals("against");
        if ((trig.kind() == Lexicon.Kind.ARRIVE || trig.kind() == Lexicon.Kind.DECLINE || trig.kind() == Lexicon.Kind.ATTEND
                || negated && trig.type() == EventType.VISIT) && !placeObject && form != Lexicon.Form.NOUN
                || memberNoun(t.get(i).norm())) {
            // "X arrived on Sunday", "Y will not attend": the trip or gathering the article is about
            return st.lead != null ? st.lead : st.lastOccasion;
        }
        if (t.get(i).norm().startsWith("accompan") && st.lead != null) {
            return st.lead; // "X was accompanied by A and B": the entourage of the article's trip
        }
        boolean theOccasion = i + 3 < t.size() && (t.get(i + 1).is("at") || t.get(i + 1).is("to") || t.get(i + 1).is("for"))
                && t.get(i + 2).is("the") && Lexicon.OCCASIONS.contains(t.get(i + 3).norm());
        if (theOccasion && st.lead != null) {
            return st.lead; // "arriving at the summit", none placed yet: the gathering the article covers
        }
        if (st.previous != null && sentence - st.previous.sentence() <= 1) {
            return st.previous;
        }
        boolean bare = i + 1 >= t.size() || !t.get(i + 1).word() || t.get(i + 1).is("include")
                || t.get(i + 1).is("in") && i + 2 < t.size() && t.get(i + 2).is("person")
                || t.get(i + 1).is("the") && i + 2 < t.size() && Lexicon.OCCASIONS.contains(t.get(i + 2).norm());
        boolean definiteNoun = form == Lexicon.Form.NOUN && (prevWord(t, i).equals("the") || prevWord(t, i).equals("'s"));
        if (trig.kind() == Lexicon.Kind.ATTEND && bare && st.lastOccasion != null) {
            return st.lastOccasion;
        }

        if ((trig.kind() == Lexicon.Kind.ATTEND && bare) || trig.kind() == Lexicon.Kind.SEND || definiteNoun
                || t.get(i).norm().startsWith("accompan")) {
            return st.lead;
        }
        return null;
    }

    private static boolean mentionsOccasion(List<Token> t) {
        for (Token x : t) {
            if (x.word() && Lexicon.OCCASIONS.contains(x.norm())) {
                return true;
            }
        }
        return false;
    }

    private void registerOccasions(List<Token> t, List<Ref> refs, List<DateExpr> dates, ArticleState st) {
        for (int k = 0; k < t.size(); k++) {
            String w = t.get(k).norm();
            if (!t.get(k).word() || !Lexicon.OCCASIONS.contains(w)) {
                continue;
            }
            registerOccasion(t, k, w, refs, dates, st);
        }
    }

    /**
     * Where and when the occasion named by {@code w} at token {@code k} takes place. A method of its own, apart
     * from the scan of every sentence above, so that the JIT compiles that short loop early.
     */
    private void registerOccasion(List<Token> t, int k, String w, List<Ref> refs, List<DateExpr> dates, ArticleState st) {
        String host = null;
        for (Ref r : refs) {
            if (r.place() && r.start() > k && r.start() <= k + 4
                    && (prevWord(t, r.start()).equals("in") || prevWord(t, r.start()).equals("at")
                    || prevWord(t, r.start()).equals("capital"))) {
                host = r.country();
                break;
            }
            if (r.place() && r.end() <= k && k - r.end() <= 5 && r.end() < t.size()
                    && (t.get(r.end()).text().equals("'") || t.get(r.end()).text().equals("’"))) {
                host = r.country();
            }
            if (r.place() && r.end() == k && "CITY".equals(r.placeKind())) {
                host = r.country(); // "the Nairobi Summit", "the Brussels summit"
            }
            if (host == null && r.place() && r.end() <= k && k - r.end() <= 10 && !dateline(t, r)
                    && (prevWord(t, r.start()).equals("in") || prevWord(t, r.start()).equals("at"))
                    && hasWord(t, r.end(), k, "for")) {
                host = r.country(); // "arriving in Shenzhen for this week's summit"
            }
        }
        if (host != null) {
            String date = null;
            for (DateExpr d : dates) {
                if (!d.anchorOnly() && !d.reported()) {
                    date = DateResolver.resolve(d, st.published, null).date();
                    break;
                }
            }
            ArticleState.Setting known = st.occasions.get(w);
            if (date == null && known != null && host.equals(known.host())) {
                date = known.date(); // "the Rio summit" again, after "the summit in Rio on July 6"
            }
            st.occasions.put(w, new ArticleState.Setting(host, date, null, -1));
            st.lastOccasion = st.occasions.get(w);
        } else if (st.occasions.containsKey(w)) {
            refineOccasionDate(w, dates, st);
        }
    }

    /** "the summit on Oct. 27" after "the Nairobi summit later this month": the known occasion gets its day. */
    private static void refineOccasionDate(String occasion, List<DateExpr> dates, ArticleState st) {
        ArticleState.Setting known = st.occasions.get(occasion);
        for (DateExpr d : dates) {
            if (!d.anchorOnly() && !d.reported()) {
                DateResolver.Resolved r = DateResolver.resolve(d, st.published, null);
                if (known.date() == null || r.date().length() > known.date().length() && r.date().startsWith(known.date())) {
                    ArticleState.Setting refined = new ArticleState.Setting(known.host(), r.date(), r.end(), known.sentence());
                    st.occasions.put(occasion, refined);
                    if (st.lastOccasion == known) {
                        st.lastOccasion = refined;
                    }
                }
                return;
            }
        }
    }

    private static String occasion(List<Token> t, int i) {
        for (int k = i + 1; k < Math.min(t.size(), i + 9); k++) {
            if (Lexicon.OCCASIONS.contains(t.get(k).norm()) && t.get(k).word()) {
                int s = k;
                while (s > i + 1 && s > k - 5 && !t.get(s - 1).is("the") && !t.get(s - 1).is("a") && !t.get(s - 1).is("an")
                        && (t.get(s - 1).word() && !FUNCTION_WORDS.contains(t.get(s - 1).norm()) || t.get(s - 1).text().equals("-"))) {
                    s--;
                }
                return MentionFinder.text(t, s, k + 1);
            }
            if (t.get(k).text().equals(",") || t.get(k).text().equals(";")) {
                break;
            }
        }
        return null;
    }

    // ---- dates ----

    /** "first visit since seizing power in 2020", "since taking office in October": the date bounds, it does not place. */
    /** "the 2013 coup", "the 2020 clashes": a year naming another event, not dating this one. */
    private static boolean attributiveYear(List<Token> t, DateExpr d) {
        if (d.kind() != DateExpr.Kind.YEAR || d.start() == 0 || d.end() >= t.size() || d.end() - d.start() != 1) {
            return false;
        }
        String before = t.get(d.start() - 1).norm();
        Token after = t.get(d.end());
        return (before.equals("the") || before.equals("its") || before.equals("his") || before.equals("her")
                || before.equals("their")) && after.word() && !after.capitalized() && !Character.isDigit(after.text().charAt(0));
    }

    private static boolean sinceClause(List<Token> t, DateExpr d, int i) {
        for (int k = d.start() - 1; k >= Math.max(i + 1, d.start() - 8); k--) {
            if (t.get(k).text().equals(",")) {
                return false;
            }
            if (t.get(k).is("since")) { // "since the country's independence in 1991"
                return true;
            }
            if (t.get(k).is("office") || t.get(k).is("power")) {
                return k > 0 && (t.get(k - 1).norm().startsWith("tak") || t.get(k - 1).norm().startsWith("seiz")
                        || t.get(k - 1).is("took") || t.get(k - 1).is("came") || t.get(k - 1).is("coming"));
            }
        }
        return false;
    }

    private static DateExpr pickDate(List<Token> t, int i, List<DateExpr> dates, int[] triggers) {
        DateExpr best = null;
        int bestScore = Integer.MAX_VALUE;
        for (DateExpr d : dates) {
            boolean whenClause = d.end() + 1 < t.size() && t.get(d.end()).text().equals(",")
                    && t.get(d.end() + 1).is("when") && i > d.end();
            if (whenClause && !dateBetween(dates, d, i)) {
                return d;
            }
            if (d.anchorOnly() || sinceClause(t, d, i) || attributiveYear(t, d) || d.reported() && Lexicon.TRIGGERS.containsKey(t.get(i).norm())
                    && Lexicon.TRIGGERS.get(t.get(i).norm()).form() == Lexicon.Form.NOUN) {
                continue;
            }
            int dist = d.start() > i ? d.start() - i : i - d.end() + 1;
            if (closerTrigger(t, d, i, dist, triggers) || laterClauseDate(t, i, d)) {
                continue; // "his second visit, after the state visit in July 2025": the date is the other one's
            }
            int score = dist + (d.reported() ? 8 : 0) + (d.start() > i ? 0 : 1);
            if (score < bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /**
     * "had been due to visit in February", "was scheduled to arrive on Friday": a plan told in the past may be
     * dated before publication, so its date is the nearest reading, not the next one.
     */
    private static boolean pastPlan(List<Token> t, int i) {
        for (int k = clauseStart(t, i, 8); k + 1 < i; k++) {
            String w = t.get(k).norm();
            if (w.equals("had") || w.equals("was") || w.equals("were")) {
                int j = t.get(k + 1).is("been") ? k + 2 : k + 1;
                if (j < i && PAST_PLAN.contains(t.get(j).norm())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> PAST_PLAN = Set.of("due", "scheduled", "expected", "set", "supposed", "planned",
            "slated");

    private static DateResolver.Resolved occasionDate(String occasion, String host, ArticleState st) {
        if (occasion == null || host == null) {
            return null;
        }
        ArticleState.Setting o = st.occasions.get(io.attache.extract.text.Fold.word(occasion.substring(occasion.lastIndexOf(' ') + 1)));
        return o == null || o.date() == null || !host.equals(o.host()) ? null : new DateResolver.Resolved(o.date(), o.dateEnd());
    }

    /** Whether a stated range of days, from its first to its last, covers the publication day. */
    private static boolean spans(DateResolver.Resolved date, LocalDate published) {
        return date != null && date.end() != null && date.date().length() == 10
                && !DateResolver.parseDay(date.date()).isAfter(published)
                && !DateResolver.parseDay(date.end()).isBefore(published);
    }

    /**
     * "... meet X, before returning home on Sunday": a date after "before/after <verb>-ing" is that verb's;
     * "arrived in A from B, where on Tuesday he ...": a date in a "where" clause after the origin is B's.
     */
    private static boolean laterClauseDate(List<Token> t, int i, DateExpr d) {
        boolean origin = false;
        for (int k = i + 1; k + 1 < d.start(); k++) {
            String w = t.get(k).norm();
            String next = t.get(k + 1).norm();
            if ((w.equals("before") || w.equals("after")) && next.endsWith("ing") && next.length() > 4) {
                return true;
            }
            origin |= w.equals("from");
            if (origin && t.get(k).text().equals(",") && next.equals("where")) {
                return true;
            }
        }
        return false;
    }

    /** "in August 2023, when ..., and X travelled there in September 2024": a later date closer to the trigger is its own. */
    private static boolean dateBetween(List<DateExpr> dates, DateExpr d, int i) {
        int own = i - d.end() + 1;
        for (DateExpr o : dates) {
            int dist = o.start() > i ? o.start() - i : i - o.end() + 1;
            if (o != d && o.start() >= d.end() && !o.anchorOnly() && dist < own) {
                return true;
            }
        }
        return false;
    }

    /** "at the invitation of X" qualifies another trigger and takes no date of its own. */
    private static boolean invitationOf(List<Token> t, int o) {
        return t.get(o).is("invitation") && o > 0 && (t.get(o - 1).is("the") || t.get(o - 1).is("an"))
                && o + 1 < t.size() && t.get(o + 1).is("of");
    }

    private static boolean closerTrigger(List<Token> t, DateExpr d, int i, int dist, int[] triggers) {
        for (int o : triggers) {
            if (o != i && !Lexicon.OCCASIONS.contains(t.get(o).norm()) && !invitationOf(t, o)) {
                int od = d.start() > o ? d.start() - o : o - d.end() + 1;
                boolean between = d.start() > i ? o > i && o < d.start() : o < i && o >= d.end();
                if (od < dist && between) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- token helpers ----

    private static final Set<String> SUBORDINATORS = Set.of("after", "when", "since", "because", "while", "where",
            "once");

    /**
     * A past verb in a clause opened by "after", "when" ... carries its own tense: "plans announced after the two
     * leaders spoke by phone", "tariffs put on hold after they held a call".
     */
    private static int subordinateStart(List<Token> t, int i, Lexicon.Form form, int from) {
        if (form != Lexicon.Form.PAST) {
            return from;
        }
        for (int k = i - 1; k >= from; k--) {
            if (SUBORDINATORS.contains(t.get(k).norm())) {
                return k + 1;
            }
        }
        return from;
    }

    private static int clauseStart(List<Token> t, int i, int max) {
        int from = Math.max(0, i - max);
        for (int k = i - 1; k >= from; k--) {
            String x = t.get(k).text();
            if (x.equals(";") || x.equals("“") || x.equals("”") || x.equals("\"") || x.equals(":")) {
                return k + 1;
            }
        }
        return from;
    }

    private static boolean needsMet(List<Token> t, int i, String needs) {
        if (needs == null) {
            return true;
        }
        for (int k = i + 1; k < Math.min(t.size(), i + 3); k++) {
            if (t.get(k).is(needs)) {
                return true;
            }
        }
        return false;
    }

    private static boolean agreementNear(List<Token> t, int i) {
        // "signed a €2.1 billion Global Gateway agreement": amounts and names may stand before the noun
        for (int k = Math.max(0, i - 4); k < Math.min(t.size(), i + 13); k++) {
            if (Lexicon.AGREEMENT_NOUNS.contains(t.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    private static boolean countedBefore(List<Token> t, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            Token x = t.get(k);
            boolean num = x.word() && (Character.isDigit(x.text().charAt(0)) || switch (x.norm()) {
                case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many" -> true;
                default -> false;
            });
            boolean dated = k > 0 && t.get(k - 1).capitalized() || k > 1 && t.get(k - 1).text().equals(".");
            if (num && !dated && !(k + 1 < t.size() && t.get(k + 1).text().equals("-"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nounPlural(List<Token> t, int i, List<Ref> refs) {
        Ref before = refEndingAt(refs, i);
        if (before != null && before.person()) {
            return false;
        }
        String p = prevWord(t, i);
        return p.equals("the") || p.equals("his") || p.equals("her") || p.equals("their") || p.equals("s")
                || p.equals("conducts") || p.equals("conducted") || p.equals("past") || p.equals("in") || p.equals("of")
                || p.equals("several") || p.equals("frequent") || p.equals("regular") || p.equals("many")
                || p.equals("official") || p.equals("state") || p.equals("such");
    }

    private static boolean isDomestic(List<Token> t, int i) {
        for (int k = Math.max(0, i - 3); k < Math.min(t.size(), i + 5); k++) {
            String w = t.get(k).norm();
            if (k > i && (w.equals(",") || w.equals("citing") || w.equals("because") || w.equals("due"))) {
                break; // "pulled out, citing domestic commitments": a reason, not a trip at home
            }
            if (w.equals("domestic") || w.equals("home") && k > 0 && t.get(k - 1).is("at")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> GROUP_NOUNS = Set.of("countries", "nations", "governments", "sides", "states",
            "delegations", "parties", "teams", "capitals", "companies", "firms", "ministries", "armies", "militaries",
            "neighbours", "neighbors", "allies", "economies");

    /** "the two leaders", "the two signed": two people; "the two countries", "the two sides" are not. */
    private static boolean twoPeople(List<Token> t, int two) {
        return two + 1 >= t.size() || !GROUP_NOUNS.contains(t.get(two + 1).norm());
    }

    private static boolean hasPronoun(List<Token> t) {
        for (int k = 0; k < t.size(); k++) {
            Token x = t.get(k);
            if (Lexicon.PRONOUNS.contains(x.norm()) || x.is("they")
                    || x.is("two") && k > 0 && t.get(k - 1).is("the") && twoPeople(t, k)) { // "the two presidents spoke"
                return true;
            }
        }
        return false;
    }

    private static boolean insideRef(List<Ref> refs, int i) {
        for (Ref r : refs) {
            if (r.start() <= i && i < r.end()) {
                return true;
            }
        }
        return false;
    }

    private static Ref refEndingAt(List<Ref> refs, int end) {
        for (Ref r : refs) {
            if (r.end() == end) {
                return r;
            }
        }
        return null;
    }

    private static Ref refStartingAt(List<Ref> refs, int start) {
        for (Ref r : refs) {
            if (r.start() == start || r.start() == start + 1) {
                return r;
            }
        }
        return null;
    }

    private static boolean hasWithin(List<Token> t, int from, int n, String a, String b) {
        for (int k = from; k < Math.min(t.size(), from + n); k++) {
            if (t.get(k).is(a) || t.get(k).is(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWord(List<Token> t, int from, int to, String w) {
        for (int k = Math.max(0, from); k < Math.min(t.size(), to); k++) {
            if (t.get(k).is(w)) {
                return true;
            }
        }
        return false;
    }

    static String prevWord(List<Token> t, int i) {
        for (int k = i - 1; k >= 0; k--) {
            Token x = t.get(k);
            if (x.word()) {
                return x.norm();
            }
            if (x.text().equals("'") || x.text().equals("’")) {
                return "'s".equals("'s") && k + 1 < t.size() ? "s" : x.text();
            }
            if (!x.text().equals("-")) {
                return x.text();
            }
        }
        return "";
    }

    private static String prevWordSkipping(List<Token> t, int i) {
        int k = i - 1;
        while (k >= 0) {
            Token x = t.get(k);
            if (x.word() && !SKIP_BACK.contains(x.norm())) {
                return x.norm();
            }
            if (!x.word() && !x.text().equals("-")) {
                return x.text();
            }
            k--;
        }
        return "";
    }

    private static String nextWord(List<Token> t, int i) {
        return nextWordAt(t, i + 1);
    }

    private static String nextWordAt(List<Token> t, int k) {
        return k < t.size() ? t.get(k).norm() : "";
    }
}
