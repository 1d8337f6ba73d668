package org.strata.server.playbook;

public class PlaybookConflictException extends RuntimeException {

    public PlaybookConflictException(String message) {
        super(message);
    }
}
