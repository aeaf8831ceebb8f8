import { createPostableRouter } from '../../../utils/content-api';

export default createPostableRouter('api::submission.submission');
