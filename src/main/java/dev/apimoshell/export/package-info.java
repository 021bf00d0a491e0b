/**
 * Export options, formats, CSV dialects, summaries and the {@code ExportException}.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.apimoshell.export;
