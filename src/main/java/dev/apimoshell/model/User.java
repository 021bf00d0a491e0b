package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.apimoshell.internal.json.SentJson;
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
 * <p>{@code language} is a culture such as {@code fr_FR}; {@code rates} is kept as sent (Apimo
 * documents no shape for it).
 *
 * <p>Apimo always sends {@code agency} and {@code active} in the user list, but not in the user a
 * property embeds: there they are null, never an invented {@code 0} or {@code false}. {@link
 * #isActive()} reads an absent flag as not active, for filters that must not fail on null.
 *
 * <pre>{@code Apimo.agency(14).users().where(u -> u.isActive() && u.email().isEmpty()).list()}
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record User(
    long id,
    Long agency,
    Boolean active,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    String firstname,
    String lastname,
    String username,
    String password,
    String language,
    List<String> spokenLanguages,
    Integer group,
    String email,
    String phone,
    String mobile,
    String fax,
    NamedRef city,
    LocalDate birthdayAt,
    String timezone,
    String picture,
    List<Object> partners,
    List<Object> stories,
    Object rates,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public User {
    spokenLanguages = Lists.orEmpty(spokenLanguages);
    partners = Lists.orEmpty(partners);
    stories = Lists.orEmpty(stories);
    extra = Extra.freeze(extra);
  }

  /**
   * Whether Apimo says the user is active; false when it says nothing (a property's embedded user).
   * {@code where(u -> u.active())} also works on the user list, where the flag is always sent.
   */
  @JsonIgnore
  public boolean isActive() {
    return Boolean.TRUE.equals(active);
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
        + ", language="
        + language
        + ", spokenLanguages="
        + spokenLanguages
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
        + ", city="
        + city
        + ", birthdayAt="
        + birthdayAt
        + ", timezone="
        + timezone
        + ", picture="
        + picture
        + (partners.isEmpty() ? "" : ", partners=" + partners)
        + (stories.isEmpty() ? "" : ", stories=" + stories)
        + (rates == null ? "" : ", rates=" + rates)
        + (extra.isEmpty() ? "" : ", extra=" + extra)
        + "]";
  }

  /**
   * The group in words (catalog {@code user_group}), in the culture of the client that fetched it;
   * the code when it has no word.
   */
  public String groupLabel() {
    return Labels.of(labelSource, "user_group", group);
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
