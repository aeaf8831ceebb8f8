import authorSanction from './author-sanction/schema.json';
import moderationEvent from './moderation-event/schema.json';
import outreachRecord from './outreach-record/schema.json';
import questionFeedback from './question-feedback/schema.json';

export default {
  'author-sanction': { schema: authorSanction },
  'moderation-event': { schema: moderationEvent },
  'outreach-record': { schema: outreachRecord },
  'question-feedback': { schema: questionFeedback },
};
