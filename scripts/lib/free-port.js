/** A port nothing listens on now, chosen by the system (a random one may be taken by another process). */
const net = require('node:net');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

module.exports = { freePort };
