import { PendingCountIcon } from './components/PendingCountIcon';
import { PLUGIN_ID } from './pluginId';

type Messages = Record<string, string>;

/** Strapi's convention: the plugin's keys, prefixed with its id, merged into the admin's messages. */
const prefixed = (messages: Messages): Messages => Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${PLUGIN_ID}.${key}`, text]));

export default {
  register(app: {
    addMenuLink: (link: unknown) => void;
    registerPlugin: (plugin: { id: string; name: string }) => void;
  }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PendingCountIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Moderation' },
      // The server checks the same action, and the regions, on every route.
      permissions: [{ action: 'plugin::moderation.read', subject: null }],
      Component: () => import('./pages/App'),
      position: 2,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Moderation' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Messages };
          return { data: prefixed(data), locale };
        } catch {
          // A locale the workspace is not translated into falls back to en.json's messages.
          return { data: {}, locale };
        }
      }),
    );
  },
};
