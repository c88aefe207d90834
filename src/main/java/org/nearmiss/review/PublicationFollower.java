package org.nearmiss.review;

/**
 * Derived data that follows the publications in order (a search index, an index of vectors): it
 * knows the last publication it holds and catches up from there. The running server keeps every
 * follower in step ({@link PublicationFollowers}).
 */
public interface PublicationFollower {

    /** A short name for logs and threads. */
    String name();

    /**
     * Takes in every publication after the last one held.
     *
     * @return how many were taken in
     */
    int catchUp();

    /**
     * Whether what it holds is kept in the data dir and outlives the process, so that a command
     * publishing while the server is stopped should bring it up to date; a table in memory need not.
     */
    default boolean persistent() {
        return true;
    }
}
