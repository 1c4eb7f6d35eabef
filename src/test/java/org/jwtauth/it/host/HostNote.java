package org.jwtauth.it.host;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity of the host application's own persistence unit. */
@Entity
public class HostNote {
    @Id
    @GeneratedValue
    private Long id;

    private String text;

    public HostNote() {
    }

    public HostNote(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
