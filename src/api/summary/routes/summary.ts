import { createReadOnlyRouter } from '../../../utils/content-api';

export default createReadOnlyRouter('api::summary.summary');
