/**
 * The page's other fields, read from its main text: the municipalities it covers
 * ({@link se.loftesgrafen.extract.field.MunicipalityFinder}, against the municipality register), the period
 * ({@link se.loftesgrafen.extract.field.PeriodExtractor}: period phrases as candidates, ranked by shape, cue words
 * and position; a stated length by {@code PeriodLength}), the page's dates
 * ({@link se.loftesgrafen.extract.field.DateExtractor}), who signed
 * ({@link se.loftesgrafen.extract.field.SignatoryExtractor}: signature blocks by shape in {@code SignatureBlocks},
 * names and titles by {@code PersonNames}, and signing sentences) and what the promise rests on and the police area
 * it names ({@link se.loftesgrafen.extract.field.BasisExtractor}).
 *
 * <p>Imports: {@code read} (blocks, main text, sentences), of {@code se.loftesgrafen.extract} the records and the
 * rules, and {@code reference} for the municipality register; nothing from {@code commitment}, which imports
 * nothing from here either.
 */
package se.loftesgrafen.extract.field;
