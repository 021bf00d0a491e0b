package dev.apimoshell.sandbox;

/** Everything the sandbox serves: the catalogs, a generator per kind, and the POSTed records. */
final class SandboxData {

  final long seed;
  final int scale;
  final Catalogs catalogs;
  final AgencyGenerator agencies;
  final UserGenerator users;
  final ActionGenerator actions;
  final PropertyGenerator properties;
  final ContactGenerator contacts;
  final RequestGenerator requests;
  final ContractGenerator contracts;
  final LeadGenerator leads;

  /** Created actions and leads; their ids start far above any generated id. */
  final Posted postedActions;

  final Posted postedLeads;

  /** Fields of generated properties changed since the start ({@link Sandbox#changeProperty}). */
  final PropertyChanges propertyChanges = new PropertyChanges();

  SandboxData(long seed, int scale) {
    this(seed, scale, Posted.DEFAULT_MAX);
  }

  /**
   * @param maxPosted most POSTed records of each kind kept
   */
  SandboxData(long seed, int scale, int maxPosted) {
    this.postedActions = new Posted(900_000_000_001L, maxPosted);
    this.postedLeads = new Posted(950_000_000_001L, maxPosted);
    this.seed = seed;
    this.scale = scale;
    this.catalogs = Catalogs.load();
    this.users = new UserGenerator(seed, catalogs);
    this.agencies = new AgencyGenerator(seed, users);
    this.actions = new ActionGenerator(seed, scale, users, catalogs);
    this.properties = new PropertyGenerator(seed, scale, users, catalogs);
    this.contacts = new ContactGenerator(seed, scale, catalogs);
    this.requests = new RequestGenerator(seed, scale);
    this.contracts = new ContractGenerator(seed, scale);
    this.leads = new LeadGenerator(seed, scale, catalogs);
  }
}
