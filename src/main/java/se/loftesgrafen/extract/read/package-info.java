/**
 * Reading: a page (HTML, PDF or text) to its main text, a list of {@link se.loftesgrafen.extract.read.Block}s
 * (headings, paragraphs, list items) in reading order with the text they are offsets into
 * ({@link se.loftesgrafen.extract.read.MainText}).
 *
 * <p>{@link se.loftesgrafen.extract.read.DocumentReader} sniffs the format and charset and hands the bytes to
 * {@link se.loftesgrafen.extract.read.HtmlReader} (chrome removed by the rules' selectors; tables of activities
 * and who is responsible read as lists by {@code ResponsibilityTables}),
 * {@link se.loftesgrafen.extract.read.TextReader} (one block per line) or {@code PdfReader}, which reads a PDF by
 * its layout: positioned lines ({@code PdfLineCollector}, {@code PdfLine}), bullets drawn as shapes
 * ({@code PdfShapeCollector}), page furniture dropped and columns in order ({@code PdfLayout}), then blocks rebuilt
 * from line pitch, indent and font ({@code PdfBlocks}). {@link se.loftesgrafen.extract.read.Sentences} splits a
 * block's text into sentences with their offsets, for the rooms that read prose. What reading one document may
 * cost is bounded by {@link se.loftesgrafen.extract.read.DocumentLimits}, enforced while reading ({@code PdfCost}
 * inflates each PDF stream into a counter first, {@link se.loftesgrafen.extract.read.HtmlCost} counts tags and
 * nesting); a document over a limit gives {@link se.loftesgrafen.extract.read.DocumentTooCostlyException}.
 *
 * <p>Imports: only {@code ExtractionRules} and {@code SourceDocument} of {@code se.loftesgrafen.extract}, Jsoup and
 * PDFBox. Nothing of {@code commitment} or {@code field}: they read blocks, blocks know nothing of them.
 */
package se.loftesgrafen.extract.read;
