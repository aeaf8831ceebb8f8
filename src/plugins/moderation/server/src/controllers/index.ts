import submissions from './submissions';

export default { submissions };
