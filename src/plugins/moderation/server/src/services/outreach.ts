import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STAKEHOLDER_CATEGORIES } from '../../../../../reference/gcm';
import { neutraliseText } from '../../../../../utils/text';
import type { Moderator } from './lifecycle';

const OUTREACH = 'plugin::moderation.outreach-record';
const CHANNELS = ['email', 'phone', 'meeting', 'event', 'social_media', 'other'];

/** The outreach log: whom moderators invited to speak, so that the dashboard can set it beside who did. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const phaseInScope = (moderator: Pick<Moderator, 'scope'>, phaseDocumentId: string) =>
    strapi.plugin('moderation').service('approved').phaseInScope(moderator.scope, phaseDocumentId) as Promise<{ id: number; region: { code: string } | null }>;

  return {
    async record(moderator: Moderator, phaseDocumentId: string, input: Record<string, unknown>) {
      const phase = await phaseInScope(moderator, phaseDocumentId);
      const problems: string[] = [];
      const organisation = typeof input.organisation === 'string' ? neutraliseText(input.organisation) : '';
      if (organisation.length < 2 || organisation.length > 200) problems.push('organisation must be 2 to 200 characters');
      if (!(typeof input.sector === 'string' && Object.hasOwn(STAKEHOLDER_CATEGORIES, input.sector))) problems.push(`sector must be one of ${Object.keys(STAKEHOLDER_CATEGORIES).join(', ')}`);
      if (!(typeof input.channel === 'string' && CHANNELS.includes(input.channel))) problems.push(`channel must be one of ${CHANNELS.join(', ')}`);
      // A real calendar day: "2024-02-31" does not survive the round trip.
      const day = typeof input.contactedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.contactedOn) ? new Date(`${input.contactedOn}T00:00:00Z`) : null;
      const contactedOn = day && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === input.contactedOn ? input.contactedOn : null;
      if (!contactedOn) problems.push('contactedOn must be a date as YYYY-MM-DD');
      else if (Date.parse(contactedOn) > Date.now() + 24 * 60 * 60 * 1000) problems.push('contactedOn cannot be in the future');
      const note = typeof input.note === 'string' ? neutraliseText(input.note) : '';
      if (note.length > 2000) problems.push('note must be at most 2000 characters');
      if (problems.length) throw new errors.ValidationError(problems.join('; '));
      return strapi.db.query(OUTREACH).create({
        data: { phase: phase.id, regionCode: phase.region?.code, organisation, sector: input.sector, channel: input.channel, contactedOn, note: note || null, moderator: moderator.id, moderatorName: moderator.name },
      });
    },

    async list(moderator: Pick<Moderator, 'scope'>, phaseDocumentId: string) {
      await phaseInScope(moderator, phaseDocumentId);
      return strapi.db.query(OUTREACH).findMany({
        where: { phase: { documentId: phaseDocumentId } },
        select: ['id', 'organisation', 'sector', 'channel', 'contactedOn', 'note', 'moderatorName', 'createdAt'],
        orderBy: [{ contactedOn: 'desc' }, { id: 'desc' }],
      });
    },

    /** How many organisations of each sector were contacted in a phase. */
    async contactedByCategory(phaseDocumentId: string): Promise<Record<string, number>> {
      const rows = (await strapi.db.query(OUTREACH).findMany({ where: { phase: { documentId: phaseDocumentId } }, select: ['sector'] })) as { sector: string }[];
      return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.sector]: (acc[r.sector] ?? 0) + 1 }), {});
    },
  };
};
