/**
 * What a caller of the HTTP engine sees: the {@code ApimoException} family, {@code ApimoConfig},
 * the shareable {@code RateLimiter} and {@code QuotaStore}, exchanges and listeners.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.apimoshell.http;
