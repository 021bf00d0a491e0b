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

// exit(status), arg(i, what) and println(o): compiled functions (javadoc in ScriptFunctions).
import static dev.apimoshell.shell.ScriptFunctions.*;

/** A script's command-line arguments: {@code apimo-shell report.jsh a b} gives {"a", "b"}. */
String[] args = new String[0];
