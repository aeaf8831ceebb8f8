import type { Core } from '@strapi/strapi';

const SUBMISSION = 'api::submission.submission';

/**
 * Keeps a submission's region and phase on its own row whenever a write sets its relations: at
 * posting, and in the Content Manager's edit of a pending post.
 */
export function keepQueueColumns(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const data = (context.params as { data?: Record<string, unknown> } | undefined)?.data;
    if (context.uid !== SUBMISSION || !['create', 'update'].includes(context.action) || !data || !('region' in data || 'phase' in data)) return next();
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId ?? (context.params as { documentId?: string }).documentId;
    if (!documentId) return result;
    const row = (await strapi.db.query(SUBMISSION).findOne({ where: { documentId, publishedAt: null }, select: ['id'], populate: { region: { select: ['code'] }, phase: { select: ['documentId'] } } })) as { region?: { code: string } | null; phase?: { documentId: string } | null } | null;
    await strapi.db.query(SUBMISSION).updateMany({ where: { documentId }, data: { regionCode: row?.region?.code ?? null, phaseDocumentId: row?.phase?.documentId ?? null } });
    return result;
  });
}

/**
 * The moderation queue filters submissions by region and phase, which are relations (link
 * tables). Each submission also keeps them on its own row (`regionCode`, `phaseDocumentId`,
 * indexed in its schema, kept by `keepQueueColumns`); this fills them for submissions posted before
 * those columns existed. On PostgreSQL the queue's text search gets trigram indexes over the draft rows, which
 * answer the case-insensitive `LIKE '%…%'` Strapi writes for `$containsi`; without the extension
 * (a database that may not create it) the search stays correct, only slower.
 */
export async function prepareQueueColumns(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(SUBMISSION);
  const table = meta.tableName;
  const columnOf = (attribute: string) => (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const linkOf = (attribute: string) => (meta.attributes[attribute] as { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }).joinTable;
  const region = linkOf('region');
  const phase = linkOf('phase');
  const regionTable = strapi.db.metadata.get('api::region.region').tableName;
  const phaseTable = strapi.db.metadata.get('api::phase.phase').tableName;

  const regionCode = columnOf('regionCode');
  const phaseDocumentId = columnOf('phaseDocumentId');
  const linked = (link: typeof region) => knex(link.name).where(`${link.name}.${link.joinColumn.name}`, knex.ref(`${table}.id`));
  const filledRegions = await knex(table)
    .whereNull(regionCode)
    .whereExists(linked(region).select(knex.raw('1')))
    .update({
      [regionCode]: linked(region).join(regionTable, `${regionTable}.id`, `${region.name}.${region.inverseJoinColumn.name}`).select(`${regionTable}.code`).limit(1),
    });
  const filledPhases = await knex(table)
    .whereNull(phaseDocumentId)
    .whereExists(linked(phase).select(knex.raw('1')))
    .update({
      [phaseDocumentId]: linked(phase).join(phaseTable, `${phaseTable}.id`, `${phase.name}.${phase.inverseJoinColumn.name}`).select(`${phaseTable}.document_id`).limit(1),
    });
  if (filledRegions || filledPhases) strapi.log.info(`queue: region and phase kept on ${Math.max(filledRegions, filledPhases)} submission row(s) posted before they were`);

  if (strapi.db.dialect.client !== 'postgres') return;
  try {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const searched = ['title', 'body', 'organisation', 'authorName'].map((attribute) => `LOWER(CAST(${knex.raw('??', [columnOf(attribute)]).toQuery()} AS VARCHAR)) gin_trgm_ops`);
    // Concurrently: built on a large table at the first start, it does not hold up posting.
    await knex.raw(`CREATE INDEX CONCURRENTLY IF NOT EXISTS submissions_queue_search_idx ON ?? USING gin (${searched.join(', ')}) WHERE published_at IS NULL`, [table]);
  } catch (error) {
    strapi.log.warn(`queue: no trigram index for the text search (${(error as Error).message}); it works without, more slowly`);
  }
}
