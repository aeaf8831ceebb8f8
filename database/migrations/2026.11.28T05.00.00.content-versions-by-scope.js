'use strict';

/**
 * The read cache counts changes per type, per region for posts and replies, and for files and
 * credentials (src/read-cache/counters.ts), in rows the application makes at start. The single
 * counter of every change it replaces goes.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('content_versions')) await knex('content_versions').where({ name: 'published' }).delete();
  },
};
