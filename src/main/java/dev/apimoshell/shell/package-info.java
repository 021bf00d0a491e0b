/**
 * The shell application (JLine, JShell, picocli): the prompt, scripts, commands, completion.
 *
 * <p>An application, not a library: no compatibility promise. Nullness: parameters and return
 * values are non-null unless documented otherwise.
 */
package dev.apimoshell.shell;
