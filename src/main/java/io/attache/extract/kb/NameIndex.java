package io.attache.extract.kb;

import io.attache.extract.text.Fold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over folded words: every name, alias, short name, country, demonym, city, seat and title of the
 * knowledge base, so that one left-to-right pass over a sentence finds the longest name at each word.
 */
public final class NameIndex {

    /** What a name stands for. */
    public enum Kind { PERSON, SHORT, COUNTRY, DEMONYM, CITY, SEAT, ORG, TITLE }

    /** One meaning of a name: a person, a country code, a role kind (for titles) or an organisation code. */
    public record Entry(Kind kind, Person person, String code) {
    }

    static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        List<Entry> entries;
    }

    private final Node root = new Node();

    void add(String name, Entry entry) {
        String folded = Fold.name(name);
        if (folded.isEmpty()) {
            return;
        }
        Node n = root;
        for (String w : folded.split(" ")) {
            n = n.next.computeIfAbsent(w, k -> new Node());
        }
        if (n.entries == null) {
            n.entries = new ArrayList<>(1);
        }
        if (!n.entries.contains(entry)) {
            n.entries.add(entry);
        }
    }

    Node root() {
        return root;
    }

    /** The child of {@code node} (the root when null) for one folded word, or null. */
    public Object step(Object node, String word) {
        return ((Node) (node == null ? root : node)).next.get(word);
    }

    /** The entries of a trie node returned by {@link #step}, empty when the words so far are only a prefix. */
    @SuppressWarnings("unchecked")
    public List<Entry> entries(Object node) {
        List<Entry> e = ((Node) node).entries;
        return e == null ? List.of() : e;
    }
}
