// One agent's actions between two dates (inclusive), oldest first, with a count per action type (in words).
// Usage: scripts/apimo-shell scripts/examples/agent-actions.jsh AGENCY_ID USER_ID FROM TO
//   e.g. scripts/apimo-shell scripts/examples/agent-actions.jsh 14 9 2018-01-01 2018-12-31
import dev.apimoshell.internal.export.Table;

if (args.length != 4) {
    System.err.println("usage: agent-actions.jsh AGENCY_ID USER_ID FROM TO   (dates as YYYY-MM-DD)");
    exit(2);
}
long agencyId = Long.parseLong(args[0]);
long userId = Long.parseLong(args[1]);
LocalDate from = LocalDate.parse(args[2]);
LocalDate to = LocalDate.parse(args[3]);

List<Action> actions = Apimo.agency(agencyId).user(userId).actions()
        .where(a -> a.date() != null && !a.date().isBefore(from) && !a.date().isAfter(to))
        .stream()
        .sorted(Comparator.comparing(Action::date))
        .toList();

System.out.println(actions.size() + " actions of user " + userId + " from " + from + " to " + to);
if (!actions.isEmpty()) {
    System.out.println(Table.render(actions, List.of("id", "date", "time_start", "type", "contact", "subject"), 120));
    Map<String, Long> byType = actions.stream()
            .collect(Collectors.groupingBy(a -> Objects.requireNonNullElse(a.typeLabel(), "(no type)"),
                    TreeMap::new, Collectors.counting()));
    System.out.println("by type: " + byType);
}
