package dev.apimoshell.shell;

import java.io.PrintWriter;

/**
 * {@code /http on}: one line per HTTP exchange of the default client. Filled in once the
 * facade's exchange listener is available.
 */
class HttpTrace {

    private final PrintWriter out;
    private boolean on;

    HttpTrace(PrintWriter out) {
        this.out = out;
    }

    boolean on() {
        return false;
    }

    void off() {
        on = false;
    }

    boolean isOn() {
        return on;
    }
}
