/**
 * Reference data of the Global Compact for Migration (A/RES/73/195) and of the regional
 * reviews. One source for the seed, the schemas' enumerations (kept equal by a test) and
 * the validators.
 */

export const GCM_OBJECTIVES: readonly string[] = [
  'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
  'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
  'Provide accurate and timely information at all stages of migration',
  'Ensure that all migrants have proof of legal identity and adequate documentation',
  'Enhance availability and flexibility of pathways for regular migration',
  'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
  'Address and reduce vulnerabilities in migration',
  'Save lives and establish coordinated international efforts on missing migrants',
  'Strengthen the transnational response to smuggling of migrants',
  'Prevent, combat and eradicate trafficking in persons in the context of international migration',
  'Manage borders in an integrated, secure and coordinated manner',
  'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
  'Use migration detention only as a measure of last resort and work towards alternatives',
  'Enhance consular protection, assistance and cooperation throughout the migration cycle',
  'Provide access to basic services for migrants',
  'Empower migrants and societies to realize full inclusion and social cohesion',
  'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
  'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
  'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
  'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
  'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
  'Establish mechanisms for the portability of social security entitlements and earned benefits',
  'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
];

/** Paragraph 44's whole-of-society list, plus UN system entities (who may also post). */
export const STAKEHOLDER_CATEGORIES = {
  migrants: 'Migrants',
  civil_society: 'Civil society',
  migrant_diaspora_organizations: 'Migrant and diaspora organizations',
  faith_based_organizations: 'Faith-based organizations',
  local_authorities_communities: 'Local authorities and communities',
  private_sector: 'The private sector',
  trade_unions: 'Trade unions',
  parliamentarians: 'Parliamentarians',
  national_human_rights_institutions: 'National human rights institutions',
  red_cross_red_crescent: 'The International Red Cross and Red Crescent Movement',
  academia: 'Academia',
  media: 'The media',
  other_stakeholders: 'Other relevant stakeholders',
  un_system: 'UN system entities',
} as const;
export type StakeholderCategory = keyof typeof STAKEHOLDER_CATEGORIES;

export const REGIONS = [
  { code: 'ECA', commission: 'Economic Commission for Africa', name: 'Africa' },
  { code: 'ECLAC', commission: 'Economic Commission for Latin America and the Caribbean', name: 'Latin America and the Caribbean' },
  { code: 'ESCAP', commission: 'Economic and Social Commission for Asia and the Pacific', name: 'Asia and the Pacific' },
  { code: 'ESCWA', commission: 'Economic and Social Commission for Western Asia', name: 'Arab region' },
  { code: 'UNECE', commission: 'United Nations Economic Commission for Europe', name: 'Europe, North America, Central Asia' },
] as const;
export type RegionCode = (typeof REGIONS)[number]['code'];

/** The six official UN languages; English is the default locale. */
export const UN_LANGUAGES = [
  { code: 'en', name: 'English', rtl: false },
  { code: 'fr', name: 'French', rtl: false },
  { code: 'es', name: 'Spanish', rtl: false },
  { code: 'ru', name: 'Russian', rtl: false },
  { code: 'zh', name: 'Chinese', rtl: false },
  { code: 'ar', name: 'Arabic', rtl: true },
] as const;
export type LanguageCode = (typeof UN_LANGUAGES)[number]['code'];

export const SUBMISSION_KINDS = {
  comment: 'Comment',
  research_report: 'Research report',
  recommendation: 'Recommendation',
  data: 'Data',
  feedback: 'Feedback',
} as const;

/** In the order the workspace shows them: returned posts wait on their authors, the others are decided. */
export const MODERATION_STATES = ['pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export const PHASE_KINDS = ['pre_review', 'post_review'] as const;
