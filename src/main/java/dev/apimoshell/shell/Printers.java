package dev.apimoshell.shell;

/** The value printers the shell uses. */
final class Printers {

    private Printers() {
    }

    static ValuePrinter standard() {
        return ValuePrinter.plain();
    }
}
