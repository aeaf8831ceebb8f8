/**
 * The timeline rules of the concept note for a phase. Hard rules refuse a phase (the API
 * answers 400); the others are warnings shown to the secretariat and moderators.
 */
export type PhaseTimeline = {
  kind?: string | null;
  opensAt?: string | Date | null;
  closesAt?: string | Date | null;
  summaryDueAt?: string | Date | null;
  reviewDate?: string | Date | null;
};

const DAY = 24 * 60 * 60 * 1000;
const time = (value: string | Date | null | undefined) => (value ? new Date(value).getTime() : null);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One finding: its English message, and a code with values for the workspace to say it in the reader's language. */
export type TimelineNote = { code: string; message: string; values?: Record<string, string> };

export function checkTimeline(phase: PhaseTimeline): { errors: string[]; warnings: TimelineNote[] } {
  const errors: string[] = [];
  const warnings: TimelineNote[] = [];
  const opens = time(phase.opensAt);
  const closes = time(phase.closesAt);
  const summaryDue = time(phase.summaryDueAt);
  const review = time(phase.reviewDate);

  if ((opens === null) !== (closes === null)) errors.push('Set both opensAt and closesAt, or neither (a phase without dates accepts nothing).');
  if (opens !== null && closes !== null && closes <= opens) errors.push('closesAt must be after opensAt.');

  if (phase.kind === 'pre_review') {
    if (summaryDue !== null && review !== null && summaryDue > review - 14 * DAY) {
      errors.push(`The summary is due at least two weeks before the regional review: by ${day(review - 14 * DAY)} for a review on ${day(review)}.`);
    }
    if (opens !== null && review !== null && opens > review - 56 * DAY) {
      const by = day(review - 56 * DAY);
      warnings.push({ code: 'opensLate', values: { by }, message: `The space opens less than eight weeks before the regional review (by ${by} in the concept note).` });
    }
    if (summaryDue !== null && closes !== null && summaryDue < closes) warnings.push({ code: 'summaryBeforeClose', message: 'The summary is due before the phase closes: late submissions will miss it.' });
    if (closes !== null && review !== null && closes > review) warnings.push({ code: 'closesAfterReview', message: 'The pre-review phase closes after the regional review.' });
  }
  if (phase.kind === 'post_review' && opens !== null && review !== null && opens < review) {
    warnings.push({ code: 'opensBeforeReview', message: 'The post-review phase opens before the regional review.' });
  }
  return { errors, warnings };
}
