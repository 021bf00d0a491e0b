package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An action to create with {@code POST /agencies/{id}/actions}. {@code user} and {@code date} are
 * required; times are sent as {@code HH:MM}.
 *
 * <pre>{@code
 * Apimo.agency(14).createAction(NewAction.of(9, LocalDate.now()).withType(1).withSubject("Called back"))
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewAction(
    Long user,
    LocalDate date,
    Integer type,
    Integer method,
    @JsonFormat(pattern = "HH:mm") LocalTime startAt,
    @JsonFormat(pattern = "HH:mm") LocalTime endAt,
    Long contact,
    Long properties,
    String subject,
    String content,
    Integer referral,
    Integer subreferral) {

  public static NewAction of(long user, LocalDate date) {
    return new NewAction(user, date, null, null, null, null, null, null, null, null, null, null);
  }

  public NewAction withType(int code) {
    return new NewAction(
        user,
        date,
        code,
        method,
        startAt,
        endAt,
        contact,
        properties,
        subject,
        content,
        referral,
        subreferral);
  }

  public NewAction withMethod(int code) {
    return new NewAction(
        user,
        date,
        type,
        code,
        startAt,
        endAt,
        contact,
        properties,
        subject,
        content,
        referral,
        subreferral);
  }

  public NewAction withTimes(LocalTime start, LocalTime end) {
    return new NewAction(
        user,
        date,
        type,
        method,
        start,
        end,
        contact,
        properties,
        subject,
        content,
        referral,
        subreferral);
  }

  public NewAction withContact(long id) {
    return new NewAction(
        user,
        date,
        type,
        method,
        startAt,
        endAt,
        id,
        properties,
        subject,
        content,
        referral,
        subreferral);
  }

  public NewAction withProperty(long id) {
    return new NewAction(
        user,
        date,
        type,
        method,
        startAt,
        endAt,
        contact,
        id,
        subject,
        content,
        referral,
        subreferral);
  }

  public NewAction withSubject(String text) {
    return new NewAction(
        user,
        date,
        type,
        method,
        startAt,
        endAt,
        contact,
        properties,
        text,
        content,
        referral,
        subreferral);
  }

  public NewAction withContent(String text) {
    return new NewAction(
        user,
        date,
        type,
        method,
        startAt,
        endAt,
        contact,
        properties,
        subject,
        text,
        referral,
        subreferral);
  }

  public NewAction withReferral(int code, Integer subcode) {
    return new NewAction(
        user,
        date,
        type,
        method,
        startAt,
        endAt,
        contact,
        properties,
        subject,
        content,
        code,
        subcode);
  }

  /** What is wrong with this action, one sentence each; empty when it can be sent. */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (user == null || user <= 0) {
      problems.add("user is required (the id of the agent doing the action)");
    }
    if (date == null) {
      problems.add("date is required (YYYY-MM-DD)");
    }
    if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
      problems.add("endAt " + endAt + " is before startAt " + startAt);
    }
    return problems;
  }
}
