package io.attache.extract;

/** Where an event stands as of an article's publication (ANNOTATION.md section 2). */
public enum EventStatus {
    SPECULATED, INVITED, PLANNED, UNDERWAY, COMPLETED, CANCELLED, DECLINED
}
