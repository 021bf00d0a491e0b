package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A lead to send with {@code POST /agencies/{id}/leads} (needs the right on the provider). A lead
 * needs a way back to the person: a last name or an e-mail.
 *
 * <pre>{@code
 * Apimo.agency(14).sendLead(NewLead.of("Lefèvre", "h.lefevre@example.com").message("Is it still for sale?").property(86379445))
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewLead(
    String reference,
    LocalDateTime date,
    Integer step,
    Integer type,
    String language,
    String country,
    String lastname,
    String firstname,
    String email,
    String phone,
    String message,
    Long property,
    String propertyReference) {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** A builder for a lead from this person; either may be null, not both. */
  public static Builder of(String lastname, String email) {
    return new Builder(lastname, email);
  }

  /** Collects the optional fields: {@code NewLead.of("Lefèvre", email).message("...")}. */
  public static final class Builder {
    private final String lastname;
    private final String email;
    private String reference;
    private LocalDateTime date;
    private Integer step;
    private Integer type;
    private String language;
    private String country;
    private String firstname;
    private String phone;
    private String message;
    private Long property;
    private String propertyReference;

    private Builder(String lastname, String email) {
      this.lastname = lastname;
      this.email = email;
    }

    public Builder firstname(String name) {
      this.firstname = name;
      return this;
    }

    public Builder phone(String number) {
      this.phone = number;
      return this;
    }

    public Builder message(String text) {
      this.message = text;
      return this;
    }

    /** The property the person asks about, by id. */
    public Builder property(long id) {
      this.property = id;
      return this;
    }

    /** The property the person asks about, by the agency's reference ({@code VI7}). */
    public Builder propertyReference(String ref) {
      this.propertyReference = ref;
      return this;
    }

    /** A code of the {@code lead_type} catalog. */
    public Builder type(int code) {
      this.type = code;
      return this;
    }

    /** A code of the {@code lead_step} catalog. */
    public Builder step(int code) {
      this.step = code;
      return this;
    }

    /** The person's language, two letters: {@code fr}, {@code en}. */
    public Builder language(String code) {
      this.language = code;
      return this;
    }

    public Builder country(String code) {
      this.country = code;
      return this;
    }

    /** The lead's own reference and date, when it comes from another system. */
    public Builder source(String reference, LocalDateTime date) {
      this.reference = reference;
      this.date = date;
      return this;
    }

    public NewLead build() {
      return new NewLead(
          reference,
          date,
          step,
          type,
          language,
          country,
          lastname,
          firstname,
          email,
          phone,
          message,
          property,
          propertyReference);
    }
  }

  /** What is wrong with this lead, one sentence each; empty when it can be sent. */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (isBlank(lastname) && isBlank(email)) {
      problems.add("a lastname or an email is required");
    }
    if (!isBlank(email) && !EMAIL.matcher(email.strip()).matches()) {
      problems.add("email '" + email + "' is not an e-mail address");
    }
    if (language != null && !language.matches("[a-z]{2}")) {
      problems.add("language must be a two-letter code such as fr or en, was '" + language + "'");
    }
    return problems;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
