/**
 * The sandbox: an Apimo-compatible API on 127.0.0.1 with generated, deterministic data.
 *
 * <p>Reading order: {@link dev.apimoshell.sandbox.Sandbox} (start/stop) and {@code SandboxMain}
 * (command line); {@code SandboxHandler} (HTTP: auth, rate limit, latency, gzip, routing); {@code
 * SandboxApi} and {@code Posts} (the endpoints); {@code Listing}, {@code Matches} and {@code Page}
 * (paging without materialising lists); one {@code *Generator} per kind of record, each building
 * record {@code i} from {@code Rng.of(seed, agency, kind, i)} so volume costs no memory; {@code
 * Agencies} (who exists and how much data each has); {@code Catalogs}.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.apimoshell.sandbox;
