// The apimo-shell side of bench/python-baseline: every action of every user of an agency to CSV,
// with the client's limiter off. Usage (APIMO_BASE_URL, APIMO_PROVIDER, APIMO_TOKEN set):
//   scripts/apimo-shell bench/export-actions.jsh AGENCY FILE
var client = ApimoClient.connect(dev.apimoshell.http.ApimoConfig.of(System.getenv("APIMO_BASE_URL"),
        System.getenv("APIMO_PROVIDER"), System.getenv("APIMO_TOKEN")).withRequestsPerSecond(0));
var agency = client.agency(Long.parseLong(args[0]));
var actions = agency.actions().stream();
System.out.println(Apimo.export(actions, args[1]));
