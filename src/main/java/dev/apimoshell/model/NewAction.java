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
 * Apimo.agency(14).createAction(NewAction.of(9, LocalDate.now()).type(1).subject("Called back"))
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

  /** A builder for the action of {@code user} on {@code date}; the other fields are optional. */
  public static Builder of(long user, LocalDate date) {
    return new Builder(user, date);
  }

  /** Collects the optional fields: {@code NewAction.of(9, date).type(1).subject("Called back")}. */
  public static final class Builder {
    private final long user;
    private final LocalDate date;
    private Integer type;
    private Integer method;
    private LocalTime startAt;
    private LocalTime endAt;
    private Long contact;
    private Long property;
    private String subject;
    private String content;
    private Integer referral;
    private Integer subreferral;

    private Builder(long user, LocalDate date) {
      this.user = user;
      this.date = date;
    }

    /** A code of the {@code action_type} catalog (call, e-mail, visit...). */
    public Builder type(int code) {
      this.type = code;
      return this;
    }

    /** A code of the {@code action_method} catalog. */
    public Builder method(int code) {
      this.method = code;
      return this;
    }

    public Builder times(LocalTime start, LocalTime end) {
      this.startAt = start;
      this.endAt = end;
      return this;
    }

    public Builder contact(long id) {
      this.contact = id;
      return this;
    }

    /** The property the action is about (sent as {@code properties}). */
    public Builder property(long id) {
      this.property = id;
      return this;
    }

    public Builder subject(String text) {
      this.subject = text;
      return this;
    }

    public Builder content(String text) {
      this.content = text;
      return this;
    }

    /** Where the action comes from: a code of the {@code referral} catalog, and a sub-code. */
    public Builder referral(int code, Integer subcode) {
      this.referral = code;
      this.subreferral = subcode;
      return this;
    }

    public NewAction build() {
      return new NewAction(
          user,
          date,
          type,
          method,
          startAt,
          endAt,
          contact,
          property,
          subject,
          content,
          referral,
          subreferral);
    }
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
