package org.strata.server.tiering;

/** A scheme, run, pin or tier that does not exist: answered with 404. */
class TieringNotFoundException extends RuntimeException {

    TieringNotFoundException(String message) {
        super(message);
    }
}
