package io.attache.extract.events;

import io.attache.extract.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What reading an article so far has established: who was named, the lead event, occasions and their hosts. */
final class ArticleState {

    /** Where and when an earlier sentence placed events; {@code date} may be null. */
    record Setting(String host, String date, String dateEnd, int sentence) {
    }

    final LocalDate published;
    /** Principals in order of mention, newest last, for "the premier" and pronouns. */
    final List<Principal> named = new ArrayList<>();
    /** Folded short name to the person it stands for in this article. */
    final Map<String, Principal> shorts = new HashMap<>();
    /** Occasion noun ("parade", "summit") to where and when it takes place. */
    final Map<String, Setting> occasions = new HashMap<>();
    Setting lead;
    /** The status the article gives its lead trip, for members of its delegation; null when unknown. */
    io.attache.extract.EventStatus leadStatus;
    /** The occasion named last, for a bare "attending" that refers to it. */
    Setting lastOccasion;
    /** The country of the dateline ("NAIROBI —"), where the story was filed. */
    String dateline;
    Setting previous;
    List<Principal> lastActors = List.of();
    /** The type of the last event read: "He also spoke with X" after a call is another call. */
    io.attache.extract.EventType lastType;
    /** The first two principals the article has meet, talk or sign: "the two leaders" most often means them. */
    List<Principal> mainPair;
    /** The two principals the sentence just read named, when it named exactly two; else null. */
    List<Principal> pairBefore;
    /** The grammatical subject of a sentence and its index: "he" in the next sentence is most often that person. */
    Principal lastSubject;
    int lastSubjectSentence = -2;
    int sentence;

    ArticleState(LocalDate published) {
        this.published = published;
    }

    /** The first principal the article named: whom "the premier" most likely means. */
    Principal protagonist;

    void named(Principal p) {
        if (protagonist == null) {
            protagonist = p;
        }
        named.remove(p);
        named.add(p);
    }
}
