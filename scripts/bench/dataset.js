/**
 * A realistic data set for the benchmark, written in bulk: five regions with both phases and
 * eight questions each (through the Document Service: few rows), then 20,000 submissions in
 * mixed states, 5,000 moderator replies and 50,000 moderation events as multi-row inserts into
 * the tables Strapi derives from the schemas. Table and column names come from Strapi's own
 * metadata, so a schema change cannot silently desynchronise the generator.
 */
const crypto = require('node:crypto');

const CHUNK = 400;
const STATES = [
  ['approved', 0.55],
  ['pending', 0.25],
  ['rejected', 0.15],
  ['withdrawn', 0.05],
];
const CATEGORIES = ['migrants', 'civil_society', 'migrant_diaspora_organizations', 'faith_based_organizations', 'local_authorities_communities', 'private_sector', 'trade_unions', 'academia', 'media', 'un_system'];
const KINDS = ['comment', 'research_report', 'recommendation', 'data', 'feedback'];
// The busiest phase (UNECE before its review) gets 4 submissions in 11: of 20,000, about 4,000
// approved, the size of the summary target. The rest spread evenly over the other phases.
const BUSIEST_REGION = 'UNECE';
const BUSIEST_SHARE = [4, 11];
const COUNTRIES = ['FR', 'DE', 'IT', 'ES', 'KE', 'NG', 'MX', 'BR', 'IN', 'PH', 'JO', 'LB', 'TR', 'UA', 'US', 'CA'];

/** Deterministic pseudo-random numbers, so that two runs measure the same data. */
function random(seed = 42) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const documentId = () => crypto.randomBytes(12).toString('hex').slice(0, 24);

async function insertRows(knex, table, rows, returning) {
  const ids = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    if (returning) ids.push(...(await knex(table).insert(chunk).returning('id')).map((r) => (typeof r === 'object' ? r.id : r)));
    else await knex(table).insert(chunk);
  }
  return ids;
}

function linkTable(strapi, uid, attribute) {
  const { joinTable } = strapi.db.metadata.get(uid).attributes[attribute];
  return { name: joinTable.name, from: joinTable.joinColumn.name, to: joinTable.inverseJoinColumn.name, order: joinTable.orderColumnName, inverseOrder: joinTable.inverseOrderColumnName };
}

function column(strapi, uid, attribute) {
  return strapi.db.metadata.get(uid).attributes[attribute].columnName;
}

async function createStructure(strapi, rnd) {
  const regions = await strapi.documents('api::region.region').findMany({ limit: 10 });
  const questions = [];
  for (const region of regions) {
    for (const kind of ['pre_review', 'post_review']) {
      const now = Date.now();
      const phase = await strapi.documents('api::phase.phase').create({
        data: { region: region.documentId, title: `${region.code} 2026 ${kind === 'pre_review' ? 'before' : 'after'} the review`, kind, reviewCycle: 2026, isDemo: false, opensAt: new Date(now - 30 * 864e5).toISOString(), closesAt: new Date(now + 30 * 864e5).toISOString() },
      });
      for (let position = 1; position <= 8; position += 1) {
        const q = await strapi.documents('api::guiding-question.guiding-question').create({
          data: { phase: phase.documentId, position, text: `Question ${position} of ${region.code} ${kind}: what should the regional review discuss, and why? (${Math.floor(rnd() * 1e6)})` },
          locale: 'en',
          status: 'published',
        });
        questions.push({ documentId: q.documentId, phase: phase.documentId, region: region.documentId, regionCode: region.code, busiest: region.code === BUSIEST_REGION && kind === 'pre_review' });
      }
    }
  }
  return questions;
}

async function rowIds(strapi, uid, documentIds) {
  const rows = await strapi.db.query(uid).findMany({ where: { documentId: { $in: documentIds } }, select: ['id', 'documentId', 'publishedAt'] });
  const draft = new Map();
  const published = new Map();
  for (const row of rows) (row.publishedAt ? published : draft).set(row.documentId, row.id);
  return { draft, published };
}

/** Builds the data set into the database Strapi is connected to; returns what was written. */
async function buildDataset(strapi, { submissions = 20000, replies = 5000, events = 50000 } = {}) {
  const rnd = random();
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const knex = strapi.db.connection;
  const SUB = 'api::submission.submission';
  const table = strapi.db.metadata.get(SUB).tableName;
  const col = (a) => column(strapi, SUB, a);

  const questions = await createStructure(strapi, rnd);
  const questionRows = await rowIds(strapi, 'api::guiding-question.guiding-question', questions.map((q) => q.documentId));
  const phaseRows = await rowIds(strapi, 'api::phase.phase', [...new Set(questions.map((q) => q.phase))]);
  const regionRows = await rowIds(strapi, 'api::region.region', [...new Set(questions.map((q) => q.region))]);
  const authors = await strapi.db.query('plugin::users-permissions.user').findMany({ select: ['id'] });
  const objectives = await strapi.db.query('api::gcm-objective.gcm-objective').findMany({ select: ['id'] });

  const start = Date.now() - 25 * 864e5;
  const busiest = questions.filter((q) => q.busiest);
  const others = questions.filter((q) => !q.busiest);
  const planned = Array.from({ length: submissions }, (_, i) => {
    let r = rnd();
    const state = STATES.find(([, share]) => (r -= share) < 0)?.[0] ?? 'approved';
    const createdAt = new Date(start + (i / submissions) * 24 * 864e5);
    return { documentId: documentId(), state, createdAt, question: pick(i % BUSIEST_SHARE[1] < BUSIEST_SHARE[0] ? busiest : others), author: pick(authors).id, objectives: [pick(objectives).id, pick(objectives).id].filter((v, j, a) => a.indexOf(v) === j) };
  });

  const rowOf = (s, published) => ({
    [col('documentId')]: s.documentId,
    [col('kind')]: pick(KINDS),
    [col('title')]: `Submission ${s.documentId.slice(0, 6)} on regional cooperation`,
    [col('body')]: 'Evidence and recommendations from our work with migrants in the region. '.repeat(6),
    [col('authorName')]: 'Bench author',
    [col('organisation')]: `Organisation ${Math.floor(rnd() * 500)}`,
    [col('stakeholderCategory')]: pick(CATEGORIES),
    [col('countries')]: JSON.stringify([pick(COUNTRIES)]),
    [col('language')]: 'en',
    [col('moderationState')]: s.state,
    // Kept on the row as posting keeps them (the queue filters on them).
    [col('regionCode')]: s.question.regionCode,
    [col('phaseDocumentId')]: s.question.phase,
    [col('decidedAt')]: s.state === 'approved' || s.state === 'rejected' ? new Date(s.createdAt.getTime() + 6 * 36e5) : null,
    [col('screeningFlags')]: JSON.stringify([]),
    [col('flagged')]: false,
    [col('createdAt')]: s.createdAt,
    [col('updatedAt')]: s.createdAt,
    [col('publishedAt')]: published ? new Date(s.createdAt.getTime() + 6 * 36e5) : null,
  });

  const draftIds = await insertRows(knex, table, planned.map((s) => rowOf(s, false)), true);
  const approved = planned.filter((s) => s.state === 'approved');
  const publishedIds = await insertRows(knex, table, approved.map((s) => rowOf(s, true)), true);

  const links = { question: [], phase: [], region: [], author: [], objectives: [] };
  const lnk = (attribute) => linkTable(strapi, SUB, attribute);
  const push = (id, s, published) => {
    const q = lnk('guidingQuestion');
    links.question.push({ [q.from]: id, [q.to]: (published ? questionRows.published : questionRows.draft).get(s.question.documentId) });
    const p = lnk('phase');
    links.phase.push({ [p.from]: id, [p.to]: phaseRows.draft.get(s.question.phase) ?? phaseRows.published.get(s.question.phase) });
    const g = lnk('region');
    links.region.push({ [g.from]: id, [g.to]: regionRows.draft.get(s.question.region) ?? regionRows.published.get(s.question.region) });
    const a = lnk('author');
    links.author.push({ [a.from]: id, [a.to]: s.author });
    const o = lnk('gcmObjectives');
    s.objectives.forEach((objective, n) => links.objectives.push({ [o.from]: id, [o.to]: objective, [o.order]: n + 1 }));
  };
  planned.forEach((s, i) => push(draftIds[i], s, false));
  approved.forEach((s, i) => push(publishedIds[i], s, true));
  await insertRows(knex, lnk('guidingQuestion').name, links.question);
  await insertRows(knex, lnk('phase').name, links.phase);
  await insertRows(knex, lnk('region').name, links.region);
  await insertRows(knex, lnk('author').name, links.author);
  await insertRows(knex, lnk('gcmObjectives').name, links.objectives);

  // Replies on approved submissions: a draft and a published row each, like the lifecycle makes them.
  const REPLY = 'api::moderator-reply.moderator-reply';
  const replyTable = strapi.db.metadata.get(REPLY).tableName;
  const rcol = (a) => column(strapi, REPLY, a);
  const replyPlan = Array.from({ length: replies }, (_, i) => ({ documentId: documentId(), on: i % approved.length }));
  const replyRow = (r, published) => ({
    [rcol('documentId')]: r.documentId,
    [rcol('body')]: 'Thank you for this contribution. Could you share the sources of your figures?',
    [rcol('moderatorName')]: 'Bench moderator',
    [rcol('createdAt')]: approved[r.on].createdAt,
    [rcol('updatedAt')]: approved[r.on].createdAt,
    [rcol('publishedAt')]: published ? approved[r.on].createdAt : null,
  });
  const replyDraftIds = await insertRows(knex, replyTable, replyPlan.map((r) => replyRow(r, false)), true);
  const replyPublishedIds = await insertRows(knex, replyTable, replyPlan.map((r) => replyRow(r, true)), true);
  const rl = linkTable(strapi, REPLY, 'submission');
  const approvedDraftIds = approved.map((s) => draftIds[planned.indexOf(s)]);
  await insertRows(knex, rl.name, [
    ...replyPlan.map((r, i) => ({ [rl.from]: replyDraftIds[i], [rl.to]: approvedDraftIds[r.on], [rl.inverseOrder]: 1 })),
    ...replyPlan.map((r, i) => ({ [rl.from]: replyPublishedIds[i], [rl.to]: publishedIds[r.on], [rl.inverseOrder]: 1 })),
  ]);

  // The moderation log: one "submitted" per submission, then decisions, to the number asked.
  const EVENT = 'plugin::moderation.moderation-event';
  const ecol = (a) => column(strapi, EVENT, a);
  const eventRows = Array.from({ length: events }, (_, i) => {
    const s = planned[i % planned.length];
    const first = i < planned.length;
    return {
      [ecol('documentId')]: documentId(),
      [ecol('action')]: first ? 'submitted' : s.state === 'approved' ? 'approved' : 'replied',
      [ecol('submissionDocumentId')]: s.documentId,
      [ecol('actorKind')]: first ? 'author' : 'moderator',
      [ecol('actorName')]: 'Bench',
      [ecol('occurredAt')]: s.createdAt,
      [ecol('createdAt')]: s.createdAt,
      [ecol('updatedAt')]: s.createdAt,
      [ecol('publishedAt')]: s.createdAt,
    };
  });
  await insertRows(knex, strapi.db.metadata.get(EVENT).tableName, eventRows);

  // Planner statistics and the visibility map, as a database in service has them (autovacuum, or SQLite's optimize).
  await knex.raw(strapi.db.dialect.client === 'postgres' ? 'vacuum analyze' : 'analyze');

  const inBusiest = planned.filter((s) => s.question.busiest);
  return {
    phases: phaseRows.draft.size || phaseRows.published.size,
    questions: questions.length,
    submissions: planned.length,
    approved: approved.length,
    replies: replyPlan.length,
    events: eventRows.length,
    busiest: { phase: busiest[0].phase, region: BUSIEST_REGION, question: busiest[0].documentId, submissions: inBusiest.length, approved: inBusiest.filter((s) => s.state === 'approved').length, pending: inBusiest.filter((s) => s.state === 'pending').map((s) => s.documentId) },
  };
}

module.exports = { buildDataset };
