// The apimo-shell side of bench/python-baseline: every action of every user of an agency to CSV,
// with the client's limiter off. The query itself is exported, not a stream of its records, so
// that each page's objects are written as Apimo sent them, without decoding records.
// Usage (APIMO_BASE_URL, APIMO_PROVIDER, APIMO_TOKEN set):
//   scripts/apimo-shell bench/export-actions.jsh AGENCY FILE
var client = ApimoClient.connect(dev.apimoshell.http.ApimoConfig.of(System.getenv("APIMO_BASE_URL"),
        System.getenv("APIMO_PROVIDER"), System.getenv("APIMO_TOKEN")).withRequestsPerSecond(0));
var agency = client.agency(Long.parseLong(args[0]));
System.out.println(agency.actions().export(args[1]));
