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

/**
 * A script's argument {@code i} (from 0), or, when it was not given, a usage line naming it and exit status 2:
 * {@code long agency = Long.parseLong(arg(0, "agency id"));}
 */
String arg(int i, String what) { if (i >= 0 && i < args.length) return args[i]; System.out.flush(); System.err.println("usage: apimo-shell SCRIPT.jsh " + "ARG ".repeat(Math.max(0, i)) + what.toUpperCase().replace(' ', '_') + "   (argument " + (i + 1) + ", " + what + ", is missing)"); exit(2); return null; }

/** Shorthand for System.out.println. */
void println(Object o) { System.out.println(o); }
