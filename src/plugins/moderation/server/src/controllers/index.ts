import people from './people';
import phases from './phases';
import submissions from './submissions';

export default { people, phases, submissions };
