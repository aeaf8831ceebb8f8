import phases from './phases';
import submissions from './submissions';

export default { phases, submissions };
