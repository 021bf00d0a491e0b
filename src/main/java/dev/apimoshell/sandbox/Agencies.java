package dev.apimoshell.sandbox;

import java.util.List;

/**
 * The fixed cast of sandbox agencies. Agency 14 is the contract's example (it has user 9); agency
 * 99 exists but is not linked to the sandbox provider, so it answers 403.
 */
final class Agencies {

  static final int FORBIDDEN_ID = 99;

  static final List<AgencySpec> ALL =
      List.of(
          new AgencySpec(14, "Swiss Med Immo", 10, true, 0, 40, 2000, 500, 300, 200, 400, 250),
          new AgencySpec(
              21, "Immobilière Lefèvre & Fils", 3, true, 2100, 12, 600, 150, 80, 60, 120, 100),
          new AgencySpec(
              37, "Côte d'Azur \"Prestige\"", 9, true, 3700, 25, 1200, 300, 150, 100, 200, 150),
          new AgencySpec(
              58, "Alpes Chalets, Montagne & Lac", 5, true, 5800, 10, 300, 80, 40, 30, 50, 80),
          new AgencySpec(
              73, "Bordeaux Rive Gauche", 13, true, 7300, 15, 800, 200, 100, 70, 150, 120),
          new AgencySpec(
              FORBIDDEN_ID, "Agence Hors Réseau", 20, false, 9900, 10, 100, 20, 10, 10, 10, 10));

  private Agencies() {}

  static List<AgencySpec> linked() {
    return ALL.stream().filter(AgencySpec::linked).toList();
  }

  /** The agency the provider may read: 404 when unknown, 403 when not linked to the provider. */
  static AgencySpec visible(String id) {
    AgencySpec agency =
        ALL.stream()
            .filter(a -> String.valueOf(a.id()).equals(id))
            .findFirst()
            .orElseThrow(() -> HttpError.notFound("unknown agency " + id));
    if (!agency.linked()) {
      throw new HttpError(403, "agency " + id + " is not linked to this provider");
    }
    return agency;
  }
}
