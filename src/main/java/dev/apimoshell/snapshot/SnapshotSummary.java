package dev.apimoshell.snapshot;

import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.text.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a capture or a refresh did, printed in two or three lines, each wrapped at the terminal's
 * width ({@link Text#wrapLines(String)}):
 *
 * <pre>
 * agency-14: agency 14 captured, 58 requests in 3.1 s
 *   users 40, actions 1,230, properties 300, contacts 800, requests 50, contracts 20, leads 100
 * </pre>
 *
 * @param folder the snapshot's folder
 * @param agency the agency's id
 * @param refresh whether it was a refresh (else a capture, perhaps resumed)
 * @param counts records per resource, in {@link Resource} order
 * @param requests requests it sent
 * @param time how long it took
 * @param captureCost for a refresh, about what a full capture would have cost; else 0
 * @param readAgain for a refresh, the resources read in full (their endpoints take no timestamp)
 */
public record SnapshotSummary(
    Path folder,
    long agency,
    boolean refresh,
    Map<String, Long> counts,
    long requests,
    Duration time,
    long captureCost,
    List<String> readAgain) {

  public SnapshotSummary {
    counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    readAgain = List.copyOf(readAgain);
  }

  /** Records in the snapshot's file for {@code resource} ("users", "actions"...). */
  public long count(String resource) {
    return counts.getOrDefault(Resource.named(resource).listKey(), 0L);
  }

  @Override
  public String toString() {
    var text =
        new StringBuilder(folder.toString())
            .append(": agency ")
            .append(agency)
            .append(refresh ? " refreshed, " : " captured, ")
            .append(String.format(Locale.ROOT, "%,d", requests))
            .append(requests == 1 ? " request" : " requests")
            .append(String.format(Locale.ROOT, " in %.1f s", time.toMillis() / 1000.0));
    if (refresh) {
      text.append(String.format(Locale.ROOT, " (a capture would cost about %,d)", captureCost));
    }
    text.append("\n  ");
    counts.forEach(
        (name, count) ->
            text.append(name)
                .append(' ')
                .append(String.format(Locale.ROOT, "%,d", count))
                .append(", "));
    text.setLength(text.length() - 2);
    if (!readAgain.isEmpty()) {
      text.append("\n  read again in full (Apimo takes no timestamp there): ")
          .append(String.join(", ", readAgain));
    }
    return Text.wrapLines(text.toString());
  }
}
