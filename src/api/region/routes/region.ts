import { createReadOnlyRouter } from '../../../utils/content-api';

export default createReadOnlyRouter('api::region.region');
