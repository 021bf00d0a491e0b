/**
 * Capture, refresh and diff of an agency saved to a folder, their listener and results.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.apimoshell.snapshot;
