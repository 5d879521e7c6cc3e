/**
 * Commitments: the undertakings of a page, with their actors, themes, targets and kind, and the learned models that
 * decide them.
 *
 * <ul>
 *   <li>Candidates: {@code CommitmentCandidates} walks the blocks as zones opened by headings and lead-ins and
 *       proposes every list item, short line, sentence and clause ({@code ProseClauses}) as a
 *       {@link se.loftesgrafen.extract.commitment.Candidate}, described by {@code CandidateFeatures}; who commits
 *       comes from {@link se.loftesgrafen.extract.commitment.ActorResolver} ({@code ActorEvidence}), measurable
 *       targets from {@link se.loftesgrafen.extract.commitment.TargetExtractor}.</li>
 *   <li>Models: {@link se.loftesgrafen.extract.commitment.CommitmentModel} decides which candidates are
 *       commitments, {@link se.loftesgrafen.extract.commitment.ActorModel} ({@code ActorFeatures}) how far to trust
 *       their actors, {@link se.loftesgrafen.extract.commitment.ThemeModel} ({@code ThemeFeatures} over the
 *       lexicon's hits by {@link se.loftesgrafen.extract.commitment.ThemeClassifier}) their themes; all three ship
 *       as weights files ({@code WeightsFile}). {@link se.loftesgrafen.extract.commitment.CommitmentExtractor} puts
 *       them together.</li>
 *   <li>Training: {@link se.loftesgrafen.extract.commitment.ExtractorTraining} ({@code ChainTrainer}: Tribuo's CRF and logistic regression) and
 *       {@link se.loftesgrafen.extract.commitment.ThemeTraining} ({@code ThemeTrainer}, {@code ThemeKeywords},
 *       {@code ThemeReport}) fit and cross-validate the models, scored with {@code CommitmentMatch},
 *       {@code PrecisionRecall} and {@code Reliability}.</li>
 * </ul>
 *
 * <p>The theme classes live here, not in {@code field} or a room of their own: themes are decided per commitment
 * inside {@code CommitmentExtractor}, the candidates' features use {@code ThemeClassifier}, and the theme model
 * shares the weights file, the scores and the training path (a reader built with {@code CommitmentModel.empty()})
 * with the commitment model. Apart, the two rooms would import each other.
 *
 * <p>Imports: {@code read} (blocks, main text, sentences) and, of {@code se.loftesgrafen.extract}, the records and
 * the rules; never {@code field}. The training classes also use {@code PromiseExtractor} to read annotated pages
 * as extraction does, the one cycle with the top package (see its package-info). {@code field} imports nothing
 * from here.
 */
package se.loftesgrafen.extract.commitment;
