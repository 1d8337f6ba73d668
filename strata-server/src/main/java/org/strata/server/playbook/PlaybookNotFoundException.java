package org.strata.server.playbook;

public class PlaybookNotFoundException extends RuntimeException {

    public PlaybookNotFoundException(String message) {
        super(message);
    }
}
