package io.attache.extract.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A principal of the knowledge base (topics/reference/people/*.jsonl). */
public record Person(String id, String name, List<String> aliases, @JsonProperty("short") List<String> shortNames, String country,
        List<Role> roles) {

    public Person {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
