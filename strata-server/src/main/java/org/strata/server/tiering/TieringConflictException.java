package org.strata.server.tiering;

/** A request that conflicts with the state (key taken, scheme not published, run in progress): answered with 409. */
class TieringConflictException extends RuntimeException {

    TieringConflictException(String message) {
        super(message);
    }
}
