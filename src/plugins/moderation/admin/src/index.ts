import { Shield } from '@strapi/icons';

const PLUGIN_ID = 'moderation';

export default {
  register(app: {
    addMenuLink: (link: unknown) => void;
    registerPlugin: (plugin: { id: string; name: string }) => void;
  }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Shield,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Moderation' },
      // The server checks the same action, and the regions, on every route.
      permissions: [{ action: 'plugin::moderation.read', subject: null }],
      Component: () => import('./pages/App'),
      position: 2,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Moderation' });
  },
};
