/**
 * The release dumps of the whole graph ({@code /dumps/}): {@link se.loftesgrafen.graph.dump.DumpWriter} writes
 * N-Quads (gzip), expanded JSON-LD streamed quad by quad ({@code JsonLdDumpWriter}) and the commitments CSV, then
 * {@code release.json}, each release in its own folder and moved into place. The CSV has the one schema of
 * commitments that the API's CSV answers share ({@link se.loftesgrafen.graph.dump.CommitmentCsv}), described by
 * CSVW metadata ({@link se.loftesgrafen.graph.dump.CommitmentCsvMetadata}); its rows come from {@code compare}.
 */
package se.loftesgrafen.graph.dump;
