/**
 * Extraction: from a page (HTML, PDF or text) to the promise it states. Pure Java with Jsoup and PDFBox; no RDF,
 * no Vert.x (the theme lexicon arrives as plain data, {@link se.loftesgrafen.extract.ThemeLexicon}, read by
 * {@code vocab.ThemeLexiconLoader}).
 *
 * <p>This package is the public face: {@link se.loftesgrafen.extract.PromiseExtractor} (the one entry point),
 * what goes in and comes out ({@link se.loftesgrafen.extract.SourceDocument},
 * {@link se.loftesgrafen.extract.ExtractedPromise}, {@link se.loftesgrafen.extract.Commitment}, written as JSON by
 * {@link se.loftesgrafen.extract.PromiseJson}), the annotated pages that training and evaluation read
 * ({@link se.loftesgrafen.extract.AnnotatedPage}) and the rules every room reads: every phrase, pattern and word list
 * is data in {@code src/main/resources/extract/rules.yaml}, compiled once by
 * {@link se.loftesgrafen.extract.ExtractionRules}; a broken rule stops start-up with its section and index.
 *
 * <p>The work is done in three rooms below it, which {@code PromiseExtractor} wires together:
 * <ul>
 *   <li>{@code read}: the page to blocks. {@code DocumentReader} sniffs the format and charset (HTTP header, BOM,
 *       meta, else UTF-8 validity with Windows-1252 fallback); {@code HtmlReader} removes chrome in one pass and
 *       keeps headings, paragraphs and list items of the main content; {@code PdfReader} reads a PDF by its layout
 *       (positioned lines, bullets drawn as shapes, line pitch, indent and font; headers, footers and page numbers
 *       dropped; signature columns kept apart) into the same blocks; {@code TextReader} turns lines of text into
 *       them.</li>
 *   <li>{@code commitment}: the undertakings. {@code CommitmentExtractor} (zones opened by headings and lead-ins,
 *       actors from subjects, tags and headings, themes by {@code ThemeClassifier} and {@code ThemeModel},
 *       targets, kind), the learned models and their training.</li>
 *   <li>{@code field}: the page's other fields. {@code MunicipalityFinder}, {@code PeriodExtractor} (period
 *       phrases as candidates, ranked by shape, cue words and position), {@code DateExtractor},
 *       {@code SignatoryExtractor} (signature blocks by shape in {@code SignatureBlocks}, and signing sentences)
 *       and {@code BasisExtractor}.</li>
 * </ul>
 *
 * <p>Imports: this package uses all three rooms. The rooms import from here only the records and the rules
 * ({@code Commitment}, {@code ExtractedPromise}, {@code SourceDocument}, {@code AnnotatedPage},
 * {@code ThemeLexicon}, {@code ExtractionRules}), which import no room; the one exception is training
 * ({@code commitment.ExtractorTraining}, {@code commitment.ThemeTraining}), which reads the annotated pages through
 * {@code PromiseExtractor} so that models learn from exactly what extraction sees. That is a cycle between this
 * package and {@code commitment}, kept on purpose: the training would otherwise have to live here.
 *
 * <p>Quality is measured by {@code ExtractionEvaluationTest} on the annotated pages of
 * {@code src/test/resources/extract/pages}; speed by {@code mvn -B -q -Pbenchmark-extract verify}
 * ({@code ExtractionBenchmark}: pages per second per core on 50–150 KB municipal pages, next to bare Jsoup).
 */
package se.loftesgrafen.extract;
