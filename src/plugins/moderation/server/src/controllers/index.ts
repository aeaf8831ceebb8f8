import authors from './authors';
import people from './people';
import phases from './phases';
import submissions from './submissions';

export default { authors, people, phases, submissions };
