/**
 * Records of every Apimo resource, pages, raw records, catalogs and labels. Record components
 * mirror Apimo's JSON and are null when Apimo sends none.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package dev.apimoshell.model;
