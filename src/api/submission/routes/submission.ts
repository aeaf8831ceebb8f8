import { createReadOnlyRouter } from '../../../utils/content-api';

/** The Hub's reads of published submissions; posting and the author's own routes are in 01-author.ts. */
export default createReadOnlyRouter('api::submission.submission');
