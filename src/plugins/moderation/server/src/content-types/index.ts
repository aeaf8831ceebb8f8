import moderationEvent from './moderation-event/schema.json';

export default {
  'moderation-event': { schema: moderationEvent },
};
