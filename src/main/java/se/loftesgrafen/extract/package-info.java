/**
 * Extraction: from a page (HTML, PDF or text) to the promise it states. Pure Java with Jsoup and PDFBox; no RDF,
 * no Vert.x (the theme lexicon arrives as plain data, read by {@code vocab.ThemeLexiconLoader}).
 *
 * <p>Pipeline: {@link se.loftesgrafen.extract.DocumentReader} sniffs the format and charset (HTTP header, BOM,
 * meta, else UTF-8 validity with Windows-1252 fallback); {@code HtmlReader} removes chrome in one pass and keeps
 * headings, paragraphs and list items of the main content; {@code PdfReader} reads a PDF by its layout (positioned
 * lines, bullets drawn as shapes, line pitch, indent and font; headers, footers and page numbers dropped; signature
 * columns kept apart) into the same blocks; {@code TextReader} turns lines of text into them. The field extractors then read the blocks:
 * {@code CommitmentExtractor} (zones opened by headings and lead-ins, actors from subjects, tags and headings,
 * themes by {@code ThemeClassifier}, targets, kind), {@code MunicipalityFinder}, {@code PeriodExtractor} (period
 * phrases as candidates, ranked by shape, cue words and position), {@code DateExtractor}, {@code SignatoryExtractor}
 * (signature blocks by shape in {@code SignatureBlocks}, and signing sentences) and {@code BasisExtractor}.
 *
 * <p>Every phrase, pattern and word list is data in {@code src/main/resources/extract/rules.yaml}, compiled once by
 * {@link se.loftesgrafen.extract.ExtractionRules}; a broken rule stops start-up with its section and index.
 *
 * <p>Quality is measured by {@code ExtractionEvaluationTest} on the annotated pages of
 * {@code src/test/resources/extract/pages}; speed by {@code mvn -B -q -Pbenchmark-extract verify}
 * ({@code ExtractionBenchmark}: pages per second per core on 50–150 KB municipal pages, next to bare Jsoup).
 */
package se.loftesgrafen.extract;
