import { createReadOnlyRouter } from '../../../utils/content-api';

export default createReadOnlyRouter('api::moderator-reply.moderator-reply');
