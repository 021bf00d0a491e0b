/**
 * The shell embedded in a Java program: {@link dev.apimoshell.scripting.ApimoShell} (sessions on
 * the host's own streams and clients, evaluating to real values) and a JSR-223 engine named {@code
 * apimo}.
 */
package dev.apimoshell.scripting;
