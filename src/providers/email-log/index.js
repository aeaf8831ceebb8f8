'use strict';

/**
 * Strapi email provider that sends nothing: each message goes to the log, whole, so that the
 * demo shows what moderators and authors would receive.
 */
module.exports = {
  init(providerOptions = {}, settings = {}) {
    return {
      async send(options) {
        const message = { from: settings.defaultFrom, replyTo: settings.defaultReplyTo, ...options };
        const lines = [`To: ${message.to}`, `Subject: ${message.subject}`, '', message.text || message.html || ''];
        global.strapi.log.info(`[email not sent: EMAIL_PROVIDER=log]\n${lines.join('\n')}`);
        return { logged: true };
      },
    };
  },
};
