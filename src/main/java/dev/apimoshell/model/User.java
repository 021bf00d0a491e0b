package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A user of an agency (an agent, a manager...), from {@code GET /agencies/{id}/users}.
 *
 * <p>{@code group} is a code of the {@code user_group} catalog. {@code birthdayAt} is only sent in
 * Apimo's private mode. {@code password} is what Apimo sends (masked or encrypted) and is never
 * shown by {@link #toString()} or exports.
 *
 * <pre>{@code Apimo.agency(14).users().where(u -> u.active() && u.email() == null).list()}</pre>
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record User(
    long id,
    long agency,
    boolean active,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    String firstname,
    String lastname,
    String username,
    String password,
    Integer group,
    String email,
    String phone,
    String mobile,
    String fax,
    LocalDate birthdayAt,
    String timezone,
    String picture,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
    implements ApimoRecord {

  public User {
    extra = Extra.freeze(extra);
  }

  /** First name and last name, as a person would write them. */
  public String fullName() {
    return ((firstname == null ? "" : firstname) + " " + (lastname == null ? "" : lastname))
        .strip();
  }

  @Override
  public String toString() {
    return "User[id="
        + id
        + ", agency="
        + agency
        + ", active="
        + active
        + ", createdAt="
        + createdAt
        + ", updatedAt="
        + updatedAt
        + ", firstname="
        + firstname
        + ", lastname="
        + lastname
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "(hidden)")
        + ", group="
        + group
        + ", email="
        + email
        + ", phone="
        + phone
        + ", mobile="
        + mobile
        + ", fax="
        + fax
        + ", birthdayAt="
        + birthdayAt
        + ", timezone="
        + timezone
        + ", picture="
        + picture
        + (extra.isEmpty() ? "" : ", extra=" + extra)
        + "]";
  }

  /**
   * The group in words (catalog {@code user_group}), in the default client's culture; null when
   * unknown.
   */
  public String groupLabel() {
    return Labels.of("user_group", group);
  }

  @Override
  public List<String> tableColumns() {
    return List.of(
        "id", "active", "firstname", "lastname", "username", "group_label", "email", "mobile");
  }

  @Override
  public Map<String, String> codeCatalogs() {
    return Map.of("group", "user_group");
  }
}
