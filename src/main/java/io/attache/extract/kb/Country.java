package io.attache.extract.kb;

import java.util.List;

/** A state or territory (topics/reference/places/countries.jsonl). */
public record Country(String code, String name, String official, List<String> aliases, List<String> demonyms,
        String capital) {

    public Country {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        demonyms = demonyms == null ? List.of() : List.copyOf(demonyms);
    }
}
