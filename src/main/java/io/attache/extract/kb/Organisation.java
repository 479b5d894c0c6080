package io.attache.extract.kb;

import java.util.List;

/** An international organisation (topics/reference/organisations.jsonl); {@code seat} is a country code. */
public record Organisation(String code, String name, List<String> aliases, String seat) {

    public Organisation {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
