import { errors } from '@strapi/utils';
import { UN_LANGUAGES, type LanguageCode } from '../../../../reference/gcm';
import { REASON_MAX } from './constants';

/** Rejection templates per language of the submission, as the workspace receives them. */
export type RejectionReasons = Record<LanguageCode, string[]>;

export type ModerationConfig = {
  /** New pending submissions reach the region's moderators at once, or in one e-mail a day. */
  moderatorNotifications: 'immediate' | 'daily';
  /** When the daily digest goes out: a cron rule in UTC (minutes first, or seconds first with six fields). */
  digestSchedule: string;
  /** Where links in e-mails to moderators point (the admin panel). */
  adminUrl: string;
  /** Terms that flag a submission for a closer look, per language. */
  sensitiveTerms: Record<string, string[]>;
  /**
   * Reasons a moderator starts from when rejecting, then edits: lists per language, or one plain
   * list (older configs). Unset means the built-in lists. Read through `rejectionReasonsOf`.
   */
  rejectionReasons?: Partial<RejectionReasons> | string[];
  /** How the outbox sends e-mail (services/outbox.ts). */
  outbox: {
    /** How often each instance looks for messages due (a message is also sent as soon as its step commits). */
    pollMs: number;
    /** The wait after a first refusal; it doubles with each attempt, up to `maxRetryAfterMs`. */
    retryAfterMs: number;
    maxRetryAfterMs: number;
    /** Attempts before a message is failed and left to the secretariat. */
    maxAttempts: number;
  };
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

/** The built-in templates: the same five reasons, in the same order, in every language. */
export const DEFAULT_REJECTION_REASONS: RejectionReasons = {
  en: [
    'This does not answer the guiding question or relate to the Global Compact for Migration.',
    'This contains personal data about other people. Please post it again without their names or contact details.',
    'This advertises or promotes a product, service or campaign.',
    'This contains offensive or discriminatory language about a group of people.',
    'This repeats an earlier submission.',
  ],
  fr: [
    'Cette contribution ne répond pas à la question directrice et ne se rapporte pas au Pacte mondial sur les migrations.',
    'Cette contribution contient des données personnelles concernant d’autres personnes. Nous vous invitons à la soumettre de nouveau sans leur nom ni leurs coordonnées.',
    'Cette contribution fait la publicité ou la promotion d’un produit, d’un service ou d’une campagne.',
    'Cette contribution contient des propos injurieux ou discriminatoires à l’égard d’un groupe de personnes.',
    'Cette contribution fait double emploi avec une contribution antérieure.',
  ],
  es: [
    'Esta contribución no responde a la pregunta orientadora ni guarda relación con el Pacto Mundial sobre Migración.',
    'Esta contribución contiene datos personales de otras personas. Le rogamos que la vuelva a enviar sin sus nombres ni sus datos de contacto.',
    'Esta contribución anuncia o promociona un producto, un servicio o una campaña.',
    'Esta contribución contiene expresiones ofensivas o discriminatorias hacia un grupo de personas.',
    'Esta contribución repite otra enviada anteriormente.',
  ],
  ar: [
    'لا تجيب هذه المشاركة عن السؤال التوجيهي، ولا تتصل بالاتفاق العالمي من أجل الهجرة.',
    'تتضمن هذه المشاركة بيانات شخصية تخص أشخاصاً آخرين. يُرجى إعادة نشرها دون ذكر أسمائهم أو بيانات الاتصال بهم.',
    'تتضمن هذه المشاركة إعلاناً عن منتج أو خدمة أو حملة، أو ترويجاً لها.',
    'تتضمن هذه المشاركة عبارات مسيئة أو تمييزية بحق فئة من الناس.',
    'تكرر هذه المشاركة مشاركةً سابقة.',
  ],
  ru: [
    'Этот материал не отвечает на руководящий вопрос и не связан с Глобальным договором о миграции.',
    'Этот материал содержит персональные данные других лиц. Просим разместить его повторно, не указывая их имена и контактные данные.',
    'Этот материал рекламирует или продвигает продукт, услугу или кампанию.',
    'Этот материал содержит оскорбительные или дискриминационные высказывания в адрес группы людей.',
    'Этот материал повторяет ранее направленный материал.',
  ],
  zh: [
    '该内容未回应指导问题，也与《移民问题全球契约》无关。',
    '该内容包含他人的个人数据。请删除其姓名和联系方式后重新提交。',
    '该内容为某项产品、服务或活动做广告或进行推广。',
    '该内容含有针对某一群体的冒犯性或歧视性言论。',
    '该内容与此前提交的内容重复。',
  ],
};

const LANGUAGES = UN_LANGUAGES.map((l) => l.code);
/** Templates a moderator can send as they are: each a sentence within the reason's limit, each once. */
const isSentenceList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((r) => typeof r === 'string' && r.trim() !== '' && r.length <= REASON_MAX) && new Set(value).size === value.length;

/**
 * The templates of every language. A plain list (the older config) is the English list. A language
 * without a list of its own takes the configured English list, or, when none is configured, its
 * built-in list: a secretariat that rewrote the English sentences is not shown built-in ones that
 * say something else.
 */
export function rejectionReasonsOf(configured: ModerationConfig['rejectionReasons']): RejectionReasons {
  const own: Partial<RejectionReasons> = Array.isArray(configured) ? { en: configured } : (configured ?? {});
  return Object.fromEntries(LANGUAGES.map((language) => [language, own[language] ?? own.en ?? DEFAULT_REJECTION_REASONS[language]])) as RejectionReasons;
}

export default {
  default: (): ModerationConfig => ({
    moderatorNotifications: 'immediate',
    digestSchedule: '0 7 * * *',
    adminUrl: 'http://localhost:1337/admin',
    sensitiveTerms: DEFAULT_SENSITIVE_TERMS,
    // Ten attempts over about five hours: 30 s, 1, 2, 4, 8, 16 and 32 min, then hourly.
    outbox: { pollMs: 5000, retryAfterMs: 30_000, maxRetryAfterMs: 60 * 60 * 1000, maxAttempts: 10 },
    // No rejectionReasons here: Strapi merges the user's config into the default with lodash
    // defaultsDeep, which merges arrays by index (a shorter list would be padded with built-in
    // sentences). Defaults are applied by rejectionReasonsOf instead.
  }),
  validator(config: ModerationConfig) {
    if (!['immediate', 'daily'].includes(config.moderatorNotifications)) {
      throw new errors.ValidationError('moderation.moderatorNotifications must be "immediate" or "daily"');
    }
    if (typeof config.digestSchedule !== 'string' || ![5, 6].includes(config.digestSchedule.trim().split(/\s+/).length)) {
      throw new errors.ValidationError('moderation.digestSchedule must be a cron rule, such as "0 7 * * *" for 07:00 UTC');
    }
    // One plain list is an older config, still accepted: see rejectionReasonsOf.
    const reasons: unknown = config.rejectionReasons;
    if (Array.isArray(reasons)) {
      if (!isSentenceList(reasons)) throw new errors.ValidationError(`moderation.rejectionReasons must be a list of different sentences (non-empty, at most ${REASON_MAX} characters)`);
    } else if (reasons !== undefined) {
      if (!reasons || typeof reasons !== 'object') {
        throw new errors.ValidationError(`moderation.rejectionReasons must be lists of sentences per language (${LANGUAGES.join(', ')}), or one list of sentences`);
      }
      for (const [language, list] of Object.entries(reasons)) {
        if (!(LANGUAGES as string[]).includes(language)) {
          throw new errors.ValidationError(`moderation.rejectionReasons.${language}: not a UN language; use ${LANGUAGES.join(', ')}`);
        }
        if (!isSentenceList(list)) throw new errors.ValidationError(`moderation.rejectionReasons.${language} must be a list of different sentences (non-empty, at most ${REASON_MAX} characters)`);
      }
    }
    const { outbox } = config;
    for (const key of ['pollMs', 'retryAfterMs', 'maxRetryAfterMs', 'maxAttempts'] as const) {
      if (!Number.isInteger(outbox?.[key]) || outbox[key] < 1) throw new errors.ValidationError(`moderation.outbox.${key} must be a whole number above 0`);
    }
    for (const [language, terms] of Object.entries(config.sensitiveTerms)) {
      if (!Array.isArray(terms) || terms.some((t) => typeof t !== 'string' || !t.trim())) {
        throw new errors.ValidationError(`moderation.sensitiveTerms.${language} must be a list of words`);
      }
    }
  },
};
