package io.attache.extract.events;

import io.attache.extract.kb.KnowledgeBase;
import io.attache.extract.text.Sentence;
import io.attache.extract.text.TextSplitter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a whole article: sentences in order, skipping bylines and author bios, then merges the drafts. */
public final class ArticleReader {

    private static final TextSplitter SPLITTER = new TextSplitter();
    /** Bylines, reporter credits and author bios carry names that are never principals. */
    private static final Pattern BYLINE = Pattern.compile(
            "^(By|BY|Written by|Writing by|Reporting by|Story by|Editing by|Additional reporting by|Compiled by)\\s+\\p{Lu}"
            + "|;\\s*(Editing|Writing) by\\b"
            + "|\\breported from\\b|\\bcontributed (to )?(this )?report"
            + "|\\bis an? (\\w+ ){0,4}(journalist|reporter|correspondent|editor|writer|columnist|author|freelance|contributor)\\b"
            + "|^(Photo|Image|Credit|Source|Original Source)\\s*:");

    /** Sentences may open a byline or credit only with one of these (the anchored alternatives of BYLINE). */
    private static final String[] BYLINE_OPENERS = {"By", "BY", "Written by", "Writing by", "Reporting by",
        "Story by", "Editing by", "Additional reporting by", "Compiled by", "Photo", "Image", "Credit", "Source",
        "Original Source"};

    private final KnowledgeBase kb;
    private final EventReader events;

    public ArticleReader(KnowledgeBase kb) {
        this.kb = kb;
        this.events = new EventReader(kb);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public List<Draft> read(String text, LocalDate published) {
        ArticleState st = new ArticleState(published);
        List<Draft> drafts = new ArrayList<>();
        for (Sentence s : SPLITTER.split(text)) {
            if (mayBeByline(s.text()) && BYLINE.matcher(s.text()).find()) {
                continue;
            }
            drafts.addAll(events.read(s, st));
        }
        return Merger.merge(DateRefinement.refine(drafts, st.occasions));
    }

    /**
     * A necessary condition for BYLINE to match, from the literal text each of its alternatives requires. Most
     * sentences fail it, which spares them the regex: trying its word-boundary alternatives at every position
     * was the costliest step of reading an article.
     */
    private static boolean mayBeByline(String s) {
        for (String opener : BYLINE_OPENERS) {
            if (s.startsWith(opener)) {
                return true;
            }
        }
        return s.contains("ing by") || s.contains("reported from") || s.contains("contributed ") || s.contains("is a ")
                || s.contains("is an ");
    }
}
