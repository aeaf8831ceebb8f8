/** The Hub's contract (npm run openapi, docs/openapi.json): relative to the server that serves the API. */
export default {
  servers: [{ url: '/api', description: 'The content API of the server this document comes with (http://localhost:1337/api in the demo)' }],
};
