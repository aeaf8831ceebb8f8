import events from './events';
import lifecycle from './lifecycle';
import notifications from './notifications';
import queue from './queue';
import scope from './scope';
import screening from './screening';

export default { events, lifecycle, notifications, queue, scope, screening };
