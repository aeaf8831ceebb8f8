/**
 * The UNECE 2024 discussion space as the concept note states it
 * (docs/reference/concept-note-unece-discussion-space.txt), word for word.
 */

export const UNECE_2024 = {
  reviewCycle: 2024,
  pre: {
    title: 'UNECE 2024: before the Regional Review',
    opensAt: '2024-01-18T00:00:00.000Z',
    // 16 February is the last day of the phase; it closes at the end of that day.
    closesAt: '2024-02-17T00:00:00.000Z',
    summaryDueAt: '2024-02-23T00:00:00.000Z',
    description:
      'Inputs for the GCM Regional Review for the UNECE region: reports, recommendations, data and research. ' +
      'Open from 18 January to 16 February 2024; a summary report is disseminated by 23 February, ' +
      'at least two weeks before the Regional Review.',
    questions: [
      'What are some examples of promising practices and achievements on the implementation of the GCM that relate to collaboration within the region?',
      'What are the main gaps and challenges, and lessons learned, to existing intra- and cross-regional collaboration on the implementation of the GCM? Do you have suggestions as to how to better overcome these challenges?',
      'What types of thematic experts, sub-regions or sectors require specific support and are important throughout the GCM Regional Review?',
      'Outline areas (GCM objectives and/or guiding principles) where the region would benefit from strengthened cooperation in terms of, capacity-building, policy advice, data availability including collection, sharing and analysis, technology, multi-stakeholder partnerships, and others. Likewise, outline areas that have been prioritized and have gathered more momentum, and why.',
      'What are some of the key areas of progress, challenges, and opportunities on the implementation of the GCM in the region that you would like Member States to discuss during the GCM Regional Review, and why?',
    ],
  },
  post: {
    title: 'UNECE 2024: after the Regional Review',
    description:
      'Feedback and next steps after the Regional Review, feeding into the preparations for the IMRF in 2026. ' +
      'The concept note sets no dates for this phase: it accepts submissions once the secretariat sets them.',
    questions: [
      'What are suggestions to improve/strengthen the process of engaging stakeholders, including in preparatory activities, communications campaigns, and participation in the Review meetings both at global and regional levels?',
      'What are suggestions for ensuring inputs from civil society organizations and stakeholders as governments prepare National Voluntary Reports for the next International Migration Review Forum (IMRF) in 2026?',
      'Will you be planning any stakeholder-organized parallel events or reports leading up to the IMRF? If so, of which kind and with which purpose?',
    ],
  },
} as const;
