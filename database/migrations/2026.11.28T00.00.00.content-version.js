'use strict';

/**
 * One counter that every change to published content increases, in the transaction of the
 * change. Every instance compares it with the version its read cache was filled at, so a read
 * after a change made on another instance never serves the old content (src/read-cache).
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('content_versions'))) {
      await knex.schema.createTable('content_versions', (table) => {
        table.string('name', 64).primary();
        table.bigInteger('version').notNullable().defaultTo(0);
      });
    }
    if (!(await knex('content_versions').where({ name: 'published' }).first())) {
      await knex('content_versions').insert({ name: 'published', version: 0 });
    }
  },
};
