// Inactive users of an agency, with when they were last updated: who to clean up.
// Usage: scripts/apimo-shell scripts/examples/inactive-users.jsh [AGENCY_ID]   (default 14)
import dev.apimoshell.internal.export.Table;

long agencyId = args.length > 0 ? Long.parseLong(args[0]) : 14;
List<User> inactive = Apimo.agency(agencyId).users().where(u -> !u.active()).list();

System.out.println(inactive.size() + " inactive users in agency " + agencyId);
if (!inactive.isEmpty()) {
    System.out.println(Table.render(inactive, List.of("id", "firstname", "lastname", "email", "updated_at"), 120));
}
