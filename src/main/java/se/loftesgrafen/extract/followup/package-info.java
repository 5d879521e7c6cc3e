/**
 * Follow-up reports (uppföljning, återrapportering): is a promise kept? A room of its own beside {@code read},
 * {@code commitment} and {@code field}.
 *
 * <p>{@link se.loftesgrafen.extract.followup.FollowUpExtractor} reads a page once ({@code read}'s blocks) and
 * gives a {@link se.loftesgrafen.extract.followup.PageReading}: the promise (by {@code PromiseExtractor},
 * unchanged), the {@link se.loftesgrafen.extract.followup.PageKind} (promise, follow-up, both, other) and, for a
 * report, a {@link se.loftesgrafen.extract.followup.FollowUpReport}: the period followed up, the items
 * ({@link se.loftesgrafen.extract.followup.FollowUpItem}: the commitment as the report names it, its
 * {@link se.loftesgrafen.extract.followup.FollowUpStatus} with an
 * {@link se.loftesgrafen.extract.followup.UnclearReason}, evidence sentences with offsets, actors), untied
 * activities and the page's own {@link se.loftesgrafen.extract.followup.Verdict}.
 *
 * <p>The steps, each a small class: {@code ReportLocator} (is it a report, where does it start and end),
 * {@code ReportSections} (blocks to restated commitments and results, by leads and tense), {@code ProseCommitments}
 * (commitments quoted in news prose, focus lists), {@code EvidenceMatcher} (results to commitments by content
 * stems), {@code StatusJudge} with {@code TargetComparison} (shares, partial and negative cues, numbers against
 * the target), {@code ReportPeriod}, {@code VerdictFinder}, {@code ActorReader}. Every phrase and pattern is data in
 * {@code src/main/resources/extract/followup.yaml} ({@link se.loftesgrafen.extract.followup.FollowUpRules}); nothing
 * is learned, so there are no weights to retrain.
 *
 * <p>Imports: {@code read} (blocks, sentences), the records and rules of {@code se.loftesgrafen.extract}, and
 * {@code PromiseExtractor} for the promise part. Nothing of {@code commitment} or {@code field}; no RDF, no Vert.x.
 * {@link se.loftesgrafen.extract.followup.FollowUpJson} writes the {@code extract} output's {@code page_kind} and
 * {@code follow_up}.
 */
package se.loftesgrafen.extract.followup;
