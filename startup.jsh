// Loaded into every apimo-shell session (and usable with the JDK's jshell --startup).
import dev.apimoshell.*;
import dev.apimoshell.api.*;
import dev.apimoshell.model.*;
import dev.apimoshell.export.*;
import java.util.*;
import java.util.stream.*;
import java.time.*;

/** A script's command-line arguments: {@code apimo-shell report.jsh a b} gives {"a", "b"}. */
String[] args = new String[0];

/** Ends the script with this exit status; at the apimo-shell prompt it is ignored (/exit leaves). */
void exit(int status) { System.out.flush(); System.exit(status); }

/** Shorthand for System.out.println. */
void println(Object o) { System.out.println(o); }
