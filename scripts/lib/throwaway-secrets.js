/** Fresh random secrets for a Strapi that lives for one test file or one benchmark run. */
const crypto = require('node:crypto');

const secret = () => crypto.randomBytes(24).toString('base64');

function throwawaySecrets() {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
}

module.exports = { throwawaySecrets };
