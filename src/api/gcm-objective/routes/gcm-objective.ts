import { createReadOnlyRouter } from '../../../utils/content-api';

export default createReadOnlyRouter('api::gcm-objective.gcm-objective');
