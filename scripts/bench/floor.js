#!/usr/bin/env node
/**
 * The floor of the benchmark: a bare Node HTTP server answering the Hub's list read (published
 * submissions of a phase, 25 a page, with question and replies) with hand-written SQL on the
 * same database, and nothing else: no auth, no validation, no sanitising.
 */
const http = require('node:http');

const LIST = `
  select s.id, s.document_id, s.kind, s.title, s.body, s.author_name, s.organisation, s.stakeholder_category, s.countries, s.language, s.created_at, s.published_at,
         q.document_id as question_id, q.position as question_position, q.text as question_text
  from submissions s
  join submissions_phase_lnk sp on sp.submission_id = s.id
  join phases p on p.id = sp.phase_id
  left join submissions_guiding_question_lnk sq on sq.submission_id = s.id
  left join guiding_questions q on q.id = sq.guiding_question_id
  where p.document_id = $1 and s.published_at is not null
  order by s.created_at desc limit 25 offset $2`;
const REPLIES = `
  select l.submission_id, r.document_id, r.body, r.moderator_name, r.created_at
  from moderator_replies_submission_lnk l join moderator_replies r on r.id = l.moderator_reply_id
  where r.published_at is not null and l.submission_id in (__IDS__)`;

async function database() {
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return async (sql, params) => (await pool.query(sql, params)).rows;
  }
  const db = new (require('better-sqlite3'))(process.env.DATABASE_FILENAME, { readonly: true });
  const cache = new Map();
  return async (sql, params) => {
    const text = sql.replace(/\$\d+/g, "?");
    if (!cache.has(text)) cache.set(text, db.prepare(text));
    return cache.get(text).all(...params);
  };
}

(async () => {
  const query = await database();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://floor');
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
