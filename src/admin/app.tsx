/**
 * The admin panel offers the six UN languages: each moderator picks theirs in their profile,
 * and the moderation workspace follows it (Arabic right to left).
 */
export default {
  config: {
    locales: ['ar', 'es', 'fr', 'ru', 'zh-Hans'],
  },
};
