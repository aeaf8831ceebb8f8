'use strict';

/**
 * Posts were once signed with the author's user name when they had no display name, and Hub
 * front ends often use the e-mail address as the user name. Every signature that reads as an
 * e-mail address or a phone number becomes the author's display name when that one is fit to
 * publish, or "Participant" (src/utils/person-name.ts holds the same rule).
 */
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const NUMBER_LIKE = /(?:\d[\s().+\-/]*){7,}/;
const looksLikeContact = (name) => EMAIL_LIKE.test(name) || NUMBER_LIKE.test(name);

module.exports = {
  async up(knex) {
    for (const table of ['submissions', 'up_users', 'submissions_author_lnk']) {
      if (!(await knex.schema.hasTable(table))) return;
    }
    const rows = await knex('submissions')
      .leftJoin('submissions_author_lnk', 'submissions_author_lnk.submission_id', 'submissions.id')
      .leftJoin('up_users', 'up_users.id', 'submissions_author_lnk.user_id')
      .select('submissions.id', 'submissions.author_name', 'up_users.display_name');
    for (const row of rows) {
      if (!row.author_name || !looksLikeContact(row.author_name)) continue;
      const name = row.display_name && !looksLikeContact(row.display_name) ? row.display_name.trim() : 'Participant';
      await knex('submissions').where({ id: row.id }).update({ author_name: name });
    }
  },
};
