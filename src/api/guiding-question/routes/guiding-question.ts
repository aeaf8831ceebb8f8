import { createReadOnlyRouter } from '../../../utils/content-api';

export default createReadOnlyRouter('api::guiding-question.guiding-question');
