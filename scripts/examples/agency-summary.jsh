// An agency at a glance: users (active, inactive, without e-mail, by group) and
// the activity of its five most recently updated active users.
// Usage: scripts/apimo-shell scripts/examples/agency-summary.jsh [AGENCY_ID]   (default 14)
long agencyId = args.length > 0 ? Long.parseLong(args[0]) : 14;
var agency = Apimo.agency(agencyId);
List<User> users = agency.users().list();

long active = users.stream().filter(User::active).count();
long noEmail = users.stream().filter(u -> u.email() == null || u.email().isBlank()).count();
Map<String, Long> byGroup = users.stream()
        .collect(Collectors.groupingBy(u -> Objects.requireNonNullElse(u.groupLabel(), "(no group)"),
                TreeMap::new, Collectors.counting()));

System.out.printf("Agency %d: %d users, %d active, %d inactive, %d without e-mail%n",
        agencyId, users.size(), active, users.size() - active, noEmail);
System.out.println("Users by group: " + byGroup);
System.out.println("Most recently updated active users:");
users.stream()
        .filter(User::active)
        .sorted(Comparator.comparing(User::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
        .limit(5)
        .forEach(u -> System.out.printf("  %-28s updated %s, %d actions%n",
                u.firstname() + " " + u.lastname(), u.updatedAt(), agency.user(u.id()).actions().count()));
