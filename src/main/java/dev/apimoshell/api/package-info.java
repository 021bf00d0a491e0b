/**
 * Handles ({@code AgencyRef}, {@code UserRef}) and immutable queries, paged into ordered streams.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.apimoshell.api;
