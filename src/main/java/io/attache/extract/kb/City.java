package io.attache.extract.kb;

import java.util.List;

/** A city ({@code kind} CITY) or seat of power ({@code kind} SEAT) that places an event in a country. */
public record City(String name, List<String> aliases, String country, String kind) {

    public City {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
