'use strict';

/**
 * Which instance holds a message of the outbox while it sends it: only that instance records how
 * the send went, so one whose lease ran out cannot overwrite another's result.
 */
module.exports = {
  async up(knex) {
    if ((await knex.schema.hasTable('moderation_outbox')) && !(await knex.schema.hasColumn('moderation_outbox', 'locked_by'))) {
      await knex.schema.alterTable('moderation_outbox', (table) => {
        table.string('locked_by', 64);
      });
    }
  },
};
