import type { Core } from '@strapi/strapi';

const SUBMISSION = 'api::submission.submission';

/**
 * The moderation queue filters submissions by region and phase, which are relations (link
 * tables). Each submission also keeps them on its own row (`regionCode`, `phaseDocumentId`, set at
 * posting, indexed in its schema); this fills them for submissions posted before those columns
 * existed. On PostgreSQL the queue's text search gets trigram indexes over the draft rows, which
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
  const filledRegions = await knex(table)
    .whereNull(regionCode)
    .update({
      [regionCode]: knex(region.name)
        .join(regionTable, `${regionTable}.id`, `${region.name}.${region.inverseJoinColumn.name}`)
        .where(`${region.name}.${region.joinColumn.name}`, knex.ref(`${table}.id`))
        .select(`${regionTable}.code`)
        .limit(1),
    });
  const filledPhases = await knex(table)
    .whereNull(phaseDocumentId)
    .update({
      [phaseDocumentId]: knex(phase.name)
        .join(phaseTable, `${phaseTable}.id`, `${phase.name}.${phase.inverseJoinColumn.name}`)
        .where(`${phase.name}.${phase.joinColumn.name}`, knex.ref(`${table}.id`))
        .select(`${phaseTable}.document_id`)
        .limit(1),
    });
  if (filledRegions || filledPhases) strapi.log.info(`queue: region and phase kept on ${Math.max(filledRegions, filledPhases)} submission row(s) posted before they were`);

  if (strapi.db.dialect.client !== 'postgres') return;
  try {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const searched = ['title', 'body', 'organisation', 'authorName'].map((attribute) => `LOWER(CAST(${knex.raw('??', [columnOf(attribute)]).toQuery()} AS VARCHAR)) gin_trgm_ops`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS submissions_queue_search_idx ON ?? USING gin (${searched.join(', ')}) WHERE published_at IS NULL`, [table]);
  } catch (error) {
    strapi.log.warn(`queue: no trigram index for the text search (${(error as Error).message}); it works without, more slowly`);
  }
}
