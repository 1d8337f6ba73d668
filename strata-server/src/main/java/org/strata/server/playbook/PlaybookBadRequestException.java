package org.strata.server.playbook;

/** A request a user can fix; {@code pointer} is the JSON pointer of the field at fault (may be null). */
public class PlaybookBadRequestException extends RuntimeException {

    private final String pointer;

    public PlaybookBadRequestException(String pointer, String message) {
        super(pointer == null ? message : pointer + ": " + message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
