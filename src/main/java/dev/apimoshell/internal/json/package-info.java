/**
 * The one JSON mapper configuration.
 *
 * <p>Internal: public only so that the packages above can reach it; no compatibility promise, it
 * may change in any release. Nullness: parameters and return values are non-null unless documented
 * otherwise.
 */
package dev.apimoshell.internal.json;
