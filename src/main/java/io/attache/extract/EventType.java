package io.attache.extract;

/** The four kinds of diplomatic event of ANNOTATION.md section 1. */
public enum EventType {
    VISIT, MEETING, CALL, AGREEMENT
}
