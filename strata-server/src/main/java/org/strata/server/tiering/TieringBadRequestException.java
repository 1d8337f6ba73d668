package org.strata.server.tiering;

/** A request a user can correct (bad field, unknown tier): answered with 400. */
class TieringBadRequestException extends RuntimeException {

    TieringBadRequestException(String message) {
        super(message);
    }
}
