import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { AUTHOR_SANCTION, HUB_USER, REASON_MAX, SUBMISSION } from '../constants';
import { requireText } from '../required-text';
import type { Moderator } from './lifecycle';
import type { RegionScope } from './scope';

export type SanctionKind = 'warning' | 'suspension' | 'block';

export type Sanction = {
  id: number;
  kind: SanctionKind;
  reason: string;
  regionCode: string | null;
  endsAt: string | null;
  issuedByName: string | null;
  issuedAt: string;
  liftedAt: string | null;
  liftedByName: string | null;
  liftReason: string | null;
};

/** The longest suspension; anything longer is a block, which says so. */
export const MAX_SUSPENSION_DAYS = 365;
const DAY = 24 * 60 * 60 * 1000;
const SANCTION_FIELDS = ['id', 'kind', 'reason', 'regionCode', 'endsAt', 'issuedByName', 'issuedAt', 'liftedAt', 'liftedByName', 'liftReason'];
/** The author's earlier submissions the detail page lists, newest first. */
const HISTORY_LIMIT = 50;


/**
 * Warnings, suspensions and blocks of Hub authors. A warning is a logged message sent by e-mail; a
 * suspension (for some days) or a block (until lifted) refuses their posting with its reason, while
 * their pending posts stay for the moderators to decide. The rows are the log: nothing is deleted,
 * lifting records who lifted it, when and why. A moderator acts on the authors who posted in their
 * regions, and their sanction holds in that region (`regionCode`); the secretariat's holds in every
 * region (no `regionCode`). Each side sees and lifts only what holds where it moderates.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sanctions = () => strapi.db.query(AUTHOR_SANCTION);

  /** The author, when the moderator may see them: they posted in one of the moderator's regions. Their regions there too. */
  async function authorInScope(scope: RegionScope, authorId: unknown) {
    const id = Number(authorId);
    if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('The author id must be a whole number.');
    const author = (await strapi.db.query(HUB_USER).findOne({ where: { id }, select: ['id', 'displayName', 'organisation', 'stakeholderCategory', 'country', 'createdAt'] })) as {
      id: number;
      displayName?: string | null;
      organisation?: string | null;
      stakeholderCategory?: string | null;
      country?: string | null;
      createdAt: string;
    } | null;
    const rows = author
      ? ((await strapi.db.query(SUBMISSION).findMany({
          where: { author: { id }, publishedAt: null, ...(scope === 'all' ? {} : { region: { code: { $in: scope } } }) },
          select: ['id'],
          populate: { region: { select: ['code'] } },
          limit: 1000,
        })) as { region?: { code: string } | null }[])
      : [];
    // Out of scope reads as absent: a moderator learns nothing of other regions' authors.
    if (!author || (scope !== 'all' && !rows.length)) throw new errors.NotFoundError(`No author ${id} has posted in the regions you moderate.`);
    return { author, regionCodes: [...new Set(rows.map((r) => r.region?.code).filter((c): c is string => Boolean(c)))] };
  }

  /** Sanctions that hold in any of `regions`: those of the regions, and those of every region. */
  const holdingIn = (regions: RegionScope) => (regions === 'all' ? {} : { $or: [{ regionCode: null }, { regionCode: { $in: regions } }] });

  /** Every restriction of the author's posting in force now in `regions`: unlifted blocks, and unlifted suspensions not yet ended. */
  async function restrictions(authorId: number, regions: RegionScope): Promise<Sanction[]> {
    const inForceNow = { $or: [{ kind: 'block' }, { kind: 'suspension', endsAt: { $gt: new Date() } }] };
    return (await sanctions().findMany({
      where: { author: { id: authorId }, liftedAt: null, $and: [inForceNow, holdingIn(regions)] },
      select: SANCTION_FIELDS,
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
    })) as Sanction[];
  }

  /** What refuses the author's posting in `regions` now: a block, or else the suspension that ends last. */
  async function inForce(authorId: number, regions: RegionScope): Promise<Sanction | null> {
    const found = await restrictions(authorId, regions);
    const suspensions = found.filter((s) => s.kind === 'suspension').sort((a, b) => Date.parse(b.endsAt!) - Date.parse(a.endsAt!));
    return found.find((s) => s.kind === 'block') ?? suspensions[0] ?? null;
  }

  return {
    /** What restricts the author's own posting now, in every region, as they may see it (their account's capabilities). */
    async restrictionsOf(authorId: number) {
      return (await restrictions(authorId, 'all')).map((s) => ({ kind: s.kind as 'suspension' | 'block', regionCode: s.regionCode, endsAt: s.endsAt, reason: s.reason }));
    },

    /** Refuses posting in a region (403) to an author suspended or blocked there, saying why and until when. */
    async assertMayPost(authorId: number, regionCode: string): Promise<void> {
      const sanction = await inForce(authorId, [regionCode]);
      if (!sanction) return;
      const message =
        sanction.kind === 'block'
          ? `The moderators have blocked your posting: ${sanction.reason}`
          : `The moderators have suspended your posting until ${new Date(sanction.endsAt!).toISOString()}: ${sanction.reason}`;
      throw createHttpError(403, message, { details: { code: sanction.kind === 'block' ? 'blocked' : 'suspended', reason: sanction.reason, endsAt: sanction.endsAt } });
    },

    /** The author beside a submission: who they are, what else they posted in the moderator's regions, what was decided, and their sanctions. */
    async context(scope: RegionScope, authorId: unknown) {
      const { author } = await authorInScope(scope, authorId);
      const where = { author: { id: author.id }, publishedAt: null };
      const inRegions = scope === 'all' ? {} : { region: { code: { $in: scope } } };
      const [submissions, total, elsewhere, history, sanctionsElsewhere] = await Promise.all([
        strapi.db.query(SUBMISSION).findMany({
          where: { ...where, ...inRegions },
          select: ['documentId', 'title', 'language', 'moderationState', 'decisionReason', 'createdAt', 'decidedAt'],
          populate: { region: { select: ['code'] } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          limit: HISTORY_LIMIT,
        }),
        strapi.db.query(SUBMISSION).count({ where: { ...where, ...inRegions } }),
        // Elsewhere only as a number: other regions' posts are their moderators' to read.
        scope === 'all' ? Promise.resolve(0) : strapi.db.query(SUBMISSION).count({ where: { ...where, $not: { region: { code: { $in: scope } } } } }),
        sanctions().findMany({ where: { author: { id: author.id }, ...holdingIn(scope) }, select: SANCTION_FIELDS, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }] }),
        // Other regions' sanctions as a number too: their reasons are their moderators'.
        scope === 'all' ? Promise.resolve(0) : sanctions().count({ where: { author: { id: author.id }, regionCode: { $notIn: scope } } }),
      ]);
      return {
        id: author.id,
        displayName: author.displayName ?? null,
        organisation: author.organisation ?? null,
        stakeholderCategory: author.stakeholderCategory ?? null,
        country: author.country ?? null,
        registeredAt: author.createdAt,
        submissions: (submissions as ({ region?: { code: string } | null } & Record<string, unknown>)[]).map(({ region, ...s }) => ({ ...s, regionCode: region?.code ?? null })),
        submissionCount: total,
        submissionsElsewhere: elsewhere,
        sanctions: history as Sanction[],
        sanctionsElsewhere,
        inForce: await inForce(author.id, scope),
      };
    },

    /** Warns, suspends for `days`, or blocks an author; tells them by e-mail. */
    async impose(moderator: Moderator, authorId: unknown, input: { kind?: unknown; reason?: unknown; days?: unknown }) {
      const kind = input.kind as SanctionKind;
      if (!['warning', 'suspension', 'block'].includes(kind)) throw new errors.ValidationError('kind must be "warning", "suspension" or "block".');
      const reason = requireText(input.reason, kind === 'warning' ? 'The message of the warning' : 'A reason', REASON_MAX);
      let endsAt: Date | null = null;
      if (kind === 'suspension') {
        const days = Number(input.days);
        if (!Number.isInteger(days) || days < 1 || days > MAX_SUSPENSION_DAYS) throw new errors.ValidationError(`days must be a whole number from 1 to ${MAX_SUSPENSION_DAYS}; block the author for longer.`);
        endsAt = new Date(Date.now() + days * DAY);
      } else if (input.days !== undefined && input.days !== null) {
        throw new errors.ValidationError(`days goes with a suspension only; a ${kind} has no end date.`);
      }
      const { author, regionCodes } = await authorInScope(moderator.scope, authorId);
      const created = await strapi.db.transaction(async () => {
        const row = (await sanctions().create({
          data: { kind, reason, endsAt, author: author.id, regionCode: moderator.scope === 'all' ? null : regionCodes[0], issuedById: moderator.id, issuedByName: moderator.name, issuedAt: new Date() },
          select: SANCTION_FIELDS,
        })) as Sanction;
        await strapi.plugin('moderation').service('notifications').sanctioned(author.id, { kind, reason, endsAt });
        return row;
      });
      strapi.log.info(`moderation: ${moderator.name} (admin ${moderator.id}) imposed a ${kind} on Hub account ${author.id}${endsAt ? ` until ${endsAt.toISOString()}` : ''}`);
      return created;
    },

    /** Lifts a suspension or a block; the row stays, with who lifted it and why. */
    async lift(moderator: Moderator, authorId: unknown, sanctionId: unknown, input: { reason?: unknown }) {
      const { author } = await authorInScope(moderator.scope, authorId);
      const id = Number(sanctionId);
      const sanction = Number.isInteger(id) ? ((await sanctions().findOne({ where: { id, author: { id: author.id }, ...holdingIn(moderator.scope) }, select: SANCTION_FIELDS })) as Sanction | null) : null;
      // One that holds in every region is the secretariat's to lift.
      if (sanction && sanction.regionCode === null && moderator.scope !== 'all') throw new errors.PolicyError('Only the secretariat lifts a restriction that holds in every region.');
      if (!sanction) throw new errors.NotFoundError(`Author ${author.id} has no sanction ${String(sanctionId)}.`);
      if (sanction.kind === 'warning') throw new errors.ValidationError('A warning was a message; there is nothing to lift.');
      const reason = input.reason === undefined || input.reason === '' ? null : requireText(input.reason, 'The reason for lifting', REASON_MAX);
      await strapi.db.transaction(async () => {
        // Conditional: of two moderators lifting at once, one does.
        const { count } = await sanctions().updateMany({ where: { id, liftedAt: null }, data: { liftedAt: new Date(), liftedByName: moderator.name, liftReason: reason } });
        if (count !== 1) throw createHttpError(409, 'This sanction was lifted already; reload the page.', { details: { code: 'changedMeanwhile' } });
        // Told once nothing restricts them anywhere any more.
        if (!(await inForce(author.id, 'all'))) await strapi.plugin('moderation').service('notifications').sanctioned(author.id, { kind: 'lifted' });
      });
      strapi.log.info(`moderation: ${moderator.name} (admin ${moderator.id}) lifted ${sanction.kind} ${id} of Hub account ${author.id}`);
      return sanctions().findOne({ where: { id }, select: SANCTION_FIELDS });
    },

    /** Everything held about an author's sanctions, for their data export. */
    forAuthor(authorId: number) {
      return sanctions().findMany({ where: { author: { id: authorId } }, select: SANCTION_FIELDS, orderBy: { issuedAt: 'asc' } });
    },

    /** An erased author's sanctions go with them: reasons are personal data. */
    async forgetAuthor(authorId: number): Promise<number> {
      const { count } = await sanctions().deleteMany({ where: { author: { id: authorId } } });
      return count;
    },
  };
};
