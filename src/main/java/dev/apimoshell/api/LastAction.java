package dev.apimoshell.api;

import dev.apimoshell.model.Action;
import dev.apimoshell.model.User;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A user and their last action, a row of {@link AgencyActionQuery#lastPerUser()}: "which users are
 * inactive and when did each last act" in one table.
 *
 * <pre>{@code
 * Apimo.agency(14).actions().lastPerUser().stream().filter(l -> !l.active()).toList()
 * }</pre>
 *
 * @param date the last action's date, null when the user has none
 * @param action the last action's id, 0 when none
 */
public record LastAction(
    long user,
    String name,
    boolean active,
    LocalDate date,
    LocalTime time,
    long action,
    Long contact,
    String subject) {

  static LastAction of(User user, Action last) {
    return last == null
        ? new LastAction(user.id(), user.fullName(), user.isActive(), null, null, 0, null, null)
        : new LastAction(
            user.id(),
            user.fullName(),
            user.isActive(),
            last.date(),
            last.timeStart(),
            last.id(),
            last.contact(),
            last.subject());
  }
}
