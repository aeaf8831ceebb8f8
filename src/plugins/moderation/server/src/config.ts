import { errors } from '@strapi/utils';

export type ModerationConfig = {
  /** New pending submissions reach the region's moderators at once, or in one e-mail a day. */
  moderatorNotifications: 'immediate' | 'daily';
  /** When the daily digest goes out: a cron rule in UTC (minutes first, or seconds first with six fields). */
  digestSchedule: string;
  /** Where links in e-mails to moderators point (the admin panel). */
  adminUrl: string;
  /** Terms that flag a submission for a closer look, per language. */
  sensitiveTerms: Record<string, string[]>;
  /** Reasons a moderator starts from when rejecting, then edits. */
  rejectionReasons: string[];
};

/**
 * A starting list of dehumanising terms for migrants that moderators asked to see flagged;
 * the secretariat keeps its own in config/plugins.ts.
 */
const DEFAULT_SENSITIVE_TERMS: Record<string, string[]> = {
  en: ['illegal alien', 'illegal aliens', 'illegals', 'invasion', 'invaders', 'swarm', 'infestation'],
  fr: ['clandestins', 'invasion', 'envahisseurs', 'submersion migratoire'],
  es: ['ilegales', 'invasión', 'invasores', 'plaga'],
  ru: ['нелегалы', 'нашествие', 'захватчики'],
  zh: ['非法移民', '入侵者'],
  ar: ['غزو', 'متسللين', 'غزاة'],
};

export default {
  default: (): ModerationConfig => ({
    moderatorNotifications: 'immediate',
    digestSchedule: '0 7 * * *',
    adminUrl: 'http://localhost:1337/admin',
    sensitiveTerms: DEFAULT_SENSITIVE_TERMS,
    rejectionReasons: [
      'This does not answer the guiding question or relate to the Global Compact for Migration.',
      'This contains personal data about other people. Please post it again without their names or contact details.',
      'This advertises or promotes a product, service or campaign.',
      'This contains offensive or discriminatory language about a group of people.',
      'This repeats an earlier submission.',
    ],
  }),
  validator(config: ModerationConfig) {
    if (!['immediate', 'daily'].includes(config.moderatorNotifications)) {
      throw new errors.ValidationError('moderation.moderatorNotifications must be "immediate" or "daily"');
    }
    if (typeof config.digestSchedule !== 'string' || ![5, 6].includes(config.digestSchedule.trim().split(/\s+/).length)) {
      throw new errors.ValidationError('moderation.digestSchedule must be a cron rule, such as "0 7 * * *" for 07:00 UTC');
    }
    if (!Array.isArray(config.rejectionReasons) || config.rejectionReasons.some((r) => typeof r !== 'string' || !r.trim())) {
      throw new errors.ValidationError('moderation.rejectionReasons must be a list of sentences');
    }
    for (const [language, terms] of Object.entries(config.sensitiveTerms)) {
      if (!Array.isArray(terms) || terms.some((t) => typeof t !== 'string' || !t.trim())) {
        throw new errors.ValidationError(`moderation.sensitiveTerms.${language} must be a list of words`);
      }
    }
  },
};
