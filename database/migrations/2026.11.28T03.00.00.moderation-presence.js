'use strict';

/**
 * Who has a pending submission open in the workspace: one row per submission and moderator,
 * refreshed while their page is open and in use, so that every instance (they share the
 * database) can tell the rest of the region "Ulla has been on it for 3 minutes". A row not
 * refreshed for a few minutes means nothing and is removed.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('moderation_presence'))) {
      await knex.schema.createTable('moderation_presence', (table) => {
        table.string('submission_document_id', 64).notNullable();
        table.integer('moderator_id').notNullable();
        table.string('moderator_name', 200).notNullable();
        table.timestamp('since').notNullable();
        table.timestamp('seen_at').notNullable();
        table.primary(['submission_document_id', 'moderator_id']);
        table.index(['seen_at']);
      });
    }
  },
};
