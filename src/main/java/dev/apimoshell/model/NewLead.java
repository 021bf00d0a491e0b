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
 * Apimo.agency(14).sendLead(NewLead.of("Lefèvre", "h.lefevre@example.com").withMessage("Is it still for sale?").withProperty(86379445))
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

  public static NewLead of(String lastname, String email) {
    return new NewLead(
        null, null, null, null, null, null, lastname, null, email, null, null, null, null);
  }

  public NewLead withFirstname(String name) {
    return new NewLead(
        reference,
        date,
        step,
        type,
        language,
        country,
        lastname,
        name,
        email,
        phone,
        message,
        property,
        propertyReference);
  }

  public NewLead withPhone(String number) {
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
        number,
        message,
        property,
        propertyReference);
  }

  public NewLead withMessage(String text) {
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
        text,
        property,
        propertyReference);
  }

  public NewLead withProperty(long id) {
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
        id,
        propertyReference);
  }

  public NewLead withPropertyReference(String ref) {
    return new NewLead(
        reference, date, step, type, language, country, lastname, firstname, email, phone, message,
        property, ref);
  }

  public NewLead withType(int code) {
    return new NewLead(
        reference,
        date,
        step,
        code,
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

  public NewLead withLanguage(String code) {
    return new NewLead(
        reference,
        date,
        step,
        type,
        code,
        country,
        lastname,
        firstname,
        email,
        phone,
        message,
        property,
        propertyReference);
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
