import { SingleSelect } from '@strapi/design-system';
import type { ComponentProps } from 'react';
import { useIntl } from 'react-intl';
import { directionOf } from '../i18n';

/**
 * Strapi's SingleSelect in the workspace's direction: its Radix primitive says "ltr" on itself
 * unless told, whatever the page around it says.
 */
export const Select = (props: ComponentProps<typeof SingleSelect>) => {
  const { locale } = useIntl();
  return <SingleSelect dir={directionOf(locale)} {...props} />;
};
