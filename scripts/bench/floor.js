#!/usr/bin/env node
/**
 * The floor of the benchmark: a bare Node HTTP server answering the Hub's list read (published
 * submissions of a phase, 25 a page, with question and replies) and the moderation queue (a
 * page of a region's submissions in one state, filtered, with the count of each state) with
 * hand-written SQL on the same database, and nothing else: no auth, no validation, no sanitising.
 */
const http = require('node:http');

/** A published submission's public fields with its question. */
const SUBMISSION_WITH_QUESTION = `
  select s.id, s.document_id, s.kind, s.title, s.body, s.author_name, s.organisation, s.stakeholder_category, s.countries, s.language, s.created_at, s.published_at,
         q.document_id as question_id, q.position as question_position, q.text as question_text
  from submissions s
  left join submissions_guiding_question_lnk sq on sq.submission_id = s.id
  left join guiding_questions q on q.id = sq.guiding_question_id`;
const LIST = `${SUBMISSION_WITH_QUESTION}
  where s.published_at is not null
    and s.id in (select sp.submission_id from submissions_phase_lnk sp join phases p on p.id = sp.phase_id where p.document_id = $1)
  order by s.created_at desc limit 25 offset $2`;
const REPLIES = `
  select l.submission_id, r.document_id, r.body, r.moderator_name, r.created_at
  from moderator_replies_submission_lnk l join moderator_replies r on r.id = l.moderator_reply_id
  where r.published_at is not null and l.submission_id in (__IDS__)`;

const QUEUE_FROM = `
  from submissions s
  join submissions_region_lnk sr on sr.submission_id = s.id join regions r on r.id = sr.region_id
  join submissions_phase_lnk sp on sp.submission_id = s.id join phases p on p.id = sp.phase_id
  where s.published_at is null and r.code = $1 and ($2 = '' or p.document_id = $2)
    and ($3 = '' or s.stakeholder_category = $3) and ($4 = '' or s.kind = $4)
    and ($5 = '' or lower(s.title) like $6 or lower(s.body) like $6 or lower(s.organisation) like $6 or lower(s.author_name) like $6)`;
const QUEUE = `
  select s.document_id, s.title, substr(s.body, 1, 280) as excerpt, s.kind, s.author_name, s.organisation, s.stakeholder_category,
         s.language, s.moderation_state, s.screening_flags, s.flagged, s.created_at, q.document_id as question_id, q.position as question_position
  ${QUEUE_FROM} and s.moderation_state = $7
  order by s.created_at asc limit 25`
  .replace('from submissions s', 'from submissions s left join submissions_guiding_question_lnk sq on sq.submission_id = s.id left join guiding_questions q on q.id = sq.guiding_question_id');
const QUEUE_COUNTS = `select s.moderation_state as state, count(*) as n ${QUEUE_FROM} group by s.moderation_state`;

const ONE = `${SUBMISSION_WITH_QUESTION}
  where s.document_id = $1 and s.published_at is not null`;
const QUESTIONS = `
  select q.id, q.document_id, q.position, q.text, q.locale, q.published_at
  from guiding_questions q
  join guiding_questions_phase_lnk qp on qp.guiding_question_id = q.id
  join phases p on p.id = qp.phase_id
  join phases_region_lnk pr on pr.phase_id = p.id
  join regions r on r.id = pr.region_id
  where r.code = $1 and q.published_at is not null and q.locale = 'en'
  order by q.position limit 100`;

async function database() {
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return async (sql, params) => (await pool.query(sql, params)).rows;
  }
  const db = new (require('better-sqlite3'))(process.env.DATABASE_FILENAME, { readonly: true });
  const cache = new Map();
  return async (sql, params) => {
    // Numbered parameters ($1, used more than once) as named ones.
    const text = sql.replace(/\$(\d+)/g, '@p$1');
    if (!cache.has(text)) cache.set(text, db.prepare(text));
    return cache.get(text).all(Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value])));
  };
}

(async () => {
  const query = await database();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://floor');
    if (url.pathname === '/queue') {
      const p = (name) => url.searchParams.get(name) || '';
      const filters = [p('region'), p('phase'), p('stakeholderCategory'), p('kind'), p('q'), `%${p('q').toLowerCase()}%`];
      const [rows, counts] = await Promise.all([query(QUEUE, [...filters, p('state') || 'pending']), query(QUEUE_COUNTS, filters)]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: rows, meta: { counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])) } }));
      return;
    }
    const json = (body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/submission') {
      const [row] = await query(ONE, [url.searchParams.get('id')]);
      const replies = row ? await query(REPLIES.replace('__IDS__', '$1'), [Number(row.id)]) : [];
      json({ data: row ? { ...row, moderatorReplies: replies } : null });
      return;
    }
    if (url.pathname === '/questions') {
      json({ data: await query(QUESTIONS, [url.searchParams.get('region')]) });
      return;
    }
    const page = Number(url.searchParams.get('page') || 1);
    const rows = await query(LIST, [url.searchParams.get('phase'), (page - 1) * 25]);
    const ids = rows.map((r) => Number(r.id));
    const replies = ids.length ? await query(REPLIES.replace('__IDS__', ids.map((_, i) => `$${i + 1}`).join(',')), ids) : [];
    const data = rows.map((r) => ({ ...r, moderatorReplies: replies.filter((x) => Number(x.submission_id) === Number(r.id)) }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data }));
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
})();
