'use strict';

/**
 * The moderation plugin's outbox: every e-mail a moderation step causes is a row written in that
 * step's transaction, and a worker on each instance sends what is due, claiming one row at a time
 * (a conditional update of `locked_until`), so a message goes out once however many instances run,
 * and a mail server that refuses only delays it. A row names its recipient and what happened, never
 * an address or a rendered text: the e-mail is composed when it is sent, from what is stored then.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('moderation_outbox'))) {
      await knex.schema.createTable('moderation_outbox', (table) => {
        table.increments('id').primary();
        table.string('kind', 32).notNullable();
        table.string('recipient_type', 16).notNullable();
        table.integer('recipient_id').notNullable();
        table.string('submission_document_id', 64);
        table.text('payload');
        table.string('state', 16).notNullable().defaultTo('waiting');
        table.integer('attempts').notNullable().defaultTo(0);
        table.timestamp('next_attempt_at').notNullable();
        table.timestamp('locked_until');
        table.string('locked_by', 64);
        table.text('last_error');
        table.timestamp('created_at').notNullable();
        table.timestamp('sent_at');
        table.index(['state', 'next_attempt_at']);
        table.index(['recipient_type', 'recipient_id']);
      });
    }
  },
};
