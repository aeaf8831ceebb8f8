import authors from './authors';
import outbox from './outbox';
import people from './people';
import phases from './phases';
import submissions from './submissions';

export default { authors, outbox, people, phases, submissions };
