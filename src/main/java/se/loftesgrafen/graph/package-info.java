/**
 * The store and what writes and reads it: a promise mapped to RDF ({@link se.loftesgrafen.graph.PromiseMapper},
 * IRIs minted by {@link se.loftesgrafen.graph.Iris}) in one named graph per source snapshot
 * ({@link se.loftesgrafen.graph.SnapshotRecorder}, batched by {@code GroupCommitWriter}), re-extraction of stored
 * snapshots ({@code Reextraction}), rebasing ({@code StoreRebase}), and the SPARQL files of
 * {@code src/main/resources/queries/} ({@link se.loftesgrafen.graph.Queries}). No Vert.x.
 *
 * <p>{@link se.loftesgrafen.graph.PromiseStore} is the one way to the data, with two implementations: TDB2 on local
 * disk ({@code Tdb2PromiseStore}, the only class that names TDB2) and a remote SPARQL 1.1 dataset
 * ({@code RemotePromiseStore}); their bookkeeping (data version, base IRI) is {@code StoreMeta}.
 *
 * <p>What reads the store for a purpose lives in the sub-packages, each depending on this one and not on each other
 * except as noted: {@code sparql} (the public endpoint), {@code compare} (the comparisons), {@code dump} (the
 * release dumps; reads {@code compare} for the CSV), {@code catalog} (DCAT, VoID and the Service Description;
 * names the dumps and the endpoint's formats) and {@code describe} (a resource's description and its JSON-LD).
 */
package se.loftesgrafen.graph;
