'use strict';

/**
 * One row per daily digest of the moderation plugin, keyed by the time the digest was
 * scheduled for. Every instance runs the digest task at the same scheduled time; the one whose
 * insert succeeds sends it, so moderators get each digest once however many instances run.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('moderator_digests'))) {
      await knex.schema.createTable('moderator_digests', (table) => {
        table.string('scheduled_for', 32).primary();
        table.timestamp('claimed_at').notNullable().defaultTo(knex.fn.now());
      });
    }
  },
};
