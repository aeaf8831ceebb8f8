import approved from './approved';
import attachments from './attachments';
import dashboard from './dashboard';
import events from './events';
import exports from './exports';
import lifecycle from './lifecycle';
import notifications from './notifications';
import outbox from './outbox';
import outreach from './outreach';
import presence from './presence';
import privacy from './privacy';
import queue from './queue';
import sanctions from './sanctions';
import questions from './questions';
import scope from './scope';
import screening from './screening';
import summaries from './summaries';

export default { approved, attachments, dashboard, events, exports, lifecycle, notifications, outbox, outreach, presence, privacy, queue, questions, sanctions, scope, screening, summaries };
