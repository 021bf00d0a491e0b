package dev.apimoshell.sandbox;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The words the generated data is made of. Chosen to exercise clients: accents, apostrophes,
 * commas, double quotes, line breaks, empty strings.
 */
final class Vocabulary {

  private Vocabulary() {}

  static final String[] FIRST_NAMES = {
    "Hélène", "Marc", "Zoé", "François", "Élodie", "Jérôme", "Anaïs", "Léa", "Loïc", "Chloé",
    "Benoît", "Agnès", "Mathéo", "Inès", "Noël", "Gaëlle", "Thomas", "Camille", "Julien", "Sophie",
    "Amélie", "Raphaël", "Cécile", "Stéphane", "Maëlys", "Joël", "Jean-Pierre", "Marie-José", "Ève",
        "Hugo"
  };

  static final String[] LAST_NAMES = {
    "Lefèvre", "D'Artagnan", "Dupont", "Martin", "Bernard", "Moreau", "Girard", "Rousseau",
        "Fontaine",
    "Mercier", "Chevalier", "Faure", "Bonnet", "Müller", "O'Neill", "Le Goff", "de La Tour",
        "Gérard",
    "Roux", "Lemaître", "Dubois", "Garnier", "Saint-Exupéry", "WYLER", "Nguyễn", "Dos Santos",
        "Lévêque"
  };

  /** A French commune: id (sandbox-defined), name, real postcode, region, rough coordinates. */
  record City(
      int id,
      String name,
      String zipcode,
      int regionId,
      String region,
      double latitude,
      double longitude) {}

  static final List<City> CITIES =
      List.of(
          new City(75108, "Paris", "75008", 11, "Île-de-France", 48.8718, 2.3113),
          new City(75116, "Paris", "75016", 11, "Île-de-France", 48.8637, 2.2769),
          new City(92050, "Neuilly-sur-Seine", "92200", 11, "Île-de-France", 48.8846, 2.2697),
          new City(69383, "Lyon", "69003", 84, "Auvergne-Rhône-Alpes", 45.7597, 4.8422),
          new City(74010, "Annecy", "74000", 84, "Auvergne-Rhône-Alpes", 45.8992, 6.1294),
          new City(
              74056, "Chamonix-Mont-Blanc", "74400", 84, "Auvergne-Rhône-Alpes", 45.9237, 6.8694),
          new City(74119, "Évian-les-Bains", "74500", 84, "Auvergne-Rhône-Alpes", 46.4008, 6.5897),
          new City(13208, "Marseille", "13008", 93, "Provence-Alpes-Côte d'Azur", 43.2396, 5.3790),
          new City(
              13001, "Aix-en-Provence", "13100", 93, "Provence-Alpes-Côte d'Azur", 43.5297, 5.4474),
          new City(6088, "Nice", "06000", 93, "Provence-Alpes-Côte d'Azur", 43.7102, 7.2620),
          new City(6029, "Cannes", "06400", 93, "Provence-Alpes-Côte d'Azur", 43.5528, 7.0174),
          new City(
              83119, "Saint-Tropez", "83990", 93, "Provence-Alpes-Côte d'Azur", 43.2692, 6.6389),
          new City(
              84054,
              "L'Isle-sur-la-Sorgue",
              "84800",
              93,
              "Provence-Alpes-Côte d'Azur",
              43.9194,
              5.0514),
          new City(33063, "Bordeaux", "33000", 75, "Nouvelle-Aquitaine", 44.8378, -0.5792),
          new City(64122, "Biarritz", "64200", 75, "Nouvelle-Aquitaine", 43.4832, -1.5586),
          new City(17300, "La Rochelle", "17000", 75, "Nouvelle-Aquitaine", 46.1603, -1.1511),
          new City(31555, "Toulouse", "31000", 76, "Occitanie", 43.6047, 1.4442),
          new City(34172, "Montpellier", "34000", 76, "Occitanie", 43.6108, 3.8767),
          new City(44109, "Nantes", "44000", 52, "Pays de la Loire", 47.2184, -1.5536),
          new City(35238, "Rennes", "35000", 53, "Bretagne", 48.1173, -1.6778),
          new City(59350, "Lille", "59000", 32, "Hauts-de-France", 50.6292, 3.0573),
          new City(67482, "Strasbourg", "67000", 44, "Grand Est", 48.5734, 7.7521));

  static final String[] STREETS = {
    "rue de la Paix", "avenue Jean-Jaurès", "boulevard Haussmann", "place de l'Église",
        "chemin des Oliviers",
    "quai Saint-Michel", "impasse du Moulin", "route d'Annecy", "allée des Châtaigniers",
        "rue Émile-Zola",
    "cours Mirabeau", "promenade des Anglais"
  };

  static final String[] DISTRICTS = {
    "Centre-ville", "Vieux-Port", "Les Hauts", "Quartier de la Gare", "Bord de mer"
  };

  static final String[] SUBJECTS = {
    "More details on a new property",
    "Visite du bien",
    "Relance, suite à notre appel",
    "Offre d'achat",
    "Compte rendu de visite",
    "Rendez-vous \"signature\" chez le notaire",
    "Estimation gratuite",
    "Nouveau mandat exclusif",
    "Baisse de prix",
    "",
    "Demande d'informations, urgent",
    "Appel manqué"
  };

  static final String[] CONTENTS = {
    "Hello, here are the details you asked for.\nBest regards,\nThe agency",
    "Bonjour,\nLe bien est toujours disponible. Visite possible samedi, 10h ou 14h.\nCordialement",
    "Client très intéressé, \"coup de cœur\" pour la terrasse.",
    "Rappeler après 18h ; préfère être contacté par SMS.",
    "Offre à 5 % sous le prix affiché, à discuter avec le propriétaire.",
    "",
    "Visite annulée (grève SNCF).",
    "Dossier complet : pièce d'identité, avis d'imposition, 3 fiches de paie."
  };

  static final String[] COMMENTS_FR = {
    "Bel appartement lumineux, au calme, proche de toutes commodités.",
    "Maison de caractère avec jardin arboré, \"coup de cœur\" assuré.\nAucuns travaux à prévoir.",
    "Vue mer imprenable, terrasse de 40 m², parking, cave.",
    "Idéal investisseur : loué 1 200 € par mois, charges comprises."
  };

  static final String[] COMMENTS_EN = {
    "Bright, quiet flat, close to shops, schools and transport.",
    "Charming house with a mature garden, a real \"favourite\".\nNo work needed.",
    "Stunning sea view, 40 m² terrace, parking, cellar.",
    "Ideal for investors: let at €1,200 a month, service charges included."
  };

  static final String[] JOBS = {
    "Notaire", "Ingénieur", "Médecin", "Enseignante", "Retraité", "Chef d'entreprise", "", null
  };

  /** "Hélène D'Artagnan" becomes "helene.dartagnan": for logins and e-mail addresses. */
  static String ascii(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
