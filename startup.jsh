// Loaded into every apimo-shell session (and usable with the JDK's jshell --startup).
import dev.apimoshell.*;
import dev.apimoshell.api.*;
import dev.apimoshell.model.*;
import dev.apimoshell.export.*;
import dev.apimoshell.snapshot.*;
// The JDK jshell's default imports, then java.time; none of their public names clashes with ours.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.prefs.*;
import java.util.regex.*;
import java.util.stream.*;
import java.time.*;

/** A script's command-line arguments: {@code apimo-shell report.jsh a b} gives {"a", "b"}. */
String[] args = new String[0];

/** Ends the script with this exit status; at the apimo-shell prompt it is ignored (/exit leaves). */
void exit(int status) { System.out.flush(); System.exit(status); }

/** Shorthand for System.out.println. */
void println(Object o) { System.out.println(o); }
