/**
 * The descriptions of the dataset itself: {@link se.loftesgrafen.graph.catalog.CatalogBuilder} builds the
 * DCAT-AP-SE catalogue, the VoID description and the SPARQL 1.1 Service Description, naming the dumps of a release
 * and the endpoint's formats; {@code AccrualPeriodicity} reads the harvest schedule as a code of the EU frequency
 * table.
 */
package se.loftesgrafen.graph.catalog;
