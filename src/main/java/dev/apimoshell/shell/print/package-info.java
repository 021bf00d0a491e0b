/**
 * How a value looks at the prompt: tables, cards, summaries.
 *
 * <p>An application, not a library: no compatibility promise. Nullness: parameters and return
 * values are non-null unless documented otherwise.
 */
package dev.apimoshell.shell.print;
