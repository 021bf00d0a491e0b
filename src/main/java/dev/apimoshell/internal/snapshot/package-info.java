/**
 * The snapshot folder format: the manifest, the list files and reading a finished folder, shared by
 * {@code dev.apimoshell.snapshot} (capture, refresh, diff) and the sandbox (replay).
 *
 * <p>Internal: public only so that the packages above can reach it; no compatibility promise, it
 * may change in any release. Nullness: parameters and return values are non-null unless documented
 * otherwise.
 */
package dev.apimoshell.internal.snapshot;
