/**
 * The facade and the client: {@code Apimo} (a default client for the prompt and scripts) and {@code
 * ApimoClient} with its builder, for programs.
 *
 * <pre>{@code
 * try (var client = ApimoClient.builder().provider("1234").token(token).build()) {
 *   client.agency(14).users().count();
 * }
 * }</pre>
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.apimoshell;
